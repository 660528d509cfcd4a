package nl.wederkerig.api.reciprocity;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.HoursDrawnEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.InKindReturnedEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.MoneyReturnedEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.ReciprocityReversal;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.RecordedReciprocityEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.ServiceDrawnEntry;
import nl.wederkerig.core.community.UnknownInitiative;
import nl.wederkerig.core.reciprocity.RecordHoursDrawn;
import nl.wederkerig.core.reciprocity.RecordInKindReturned;
import nl.wederkerig.core.reciprocity.RecordMoneyReturned;
import nl.wederkerig.core.reciprocity.RecordServiceDrawn;
import nl.wederkerig.core.reciprocity.ReverseReciprocityEntry;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.reciprocity.PartnerBalance;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import nl.wederkerig.projections.reciprocity.PartnerStatement;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;

/**
 * A partner's reciprocity account with the wijk: entries of what the wijk gave (hours, services)
 * and what the partner returned (money, in kind), their reversal, and the statement and balance,
 * which name no neighbour. The account checks amounts, dates, its community and reversals; partner
 * and initiative are checked here against the community's registrations (read models), since the
 * account is created by its first entry and knows neither.
 */
@ApplicationService
public class Reciprocity {

    private final CommandGateway commands;
    private final PartnerReciprocity reciprocity;
    private final InitiativeFunds initiatives;
    private final Access access;
    private final BusinessDay day;

    Reciprocity(CommandGateway commands, PartnerReciprocity reciprocity, InitiativeFunds initiatives, Access access,
                BusinessDay day) {
        this.commands = commands;
        this.reciprocity = reciprocity;
        this.initiatives = initiatives;
        this.access = access;
        this.day = day;
    }

    public RecordedReciprocityEntry hoursDrawn(Login me, CommunityId community, PartnerId partner, HoursDrawnEntry request) {
        requireEntry(me, community, partner, request.initiativeId());
        commands.sendAndWait(new RecordHoursDrawn(partner, request.commandId(), community, request.initiativeId(),
                request.hours(), day.orToday(request.businessDate()), me.memberId()));
        return new RecordedReciprocityEntry(partner, request.commandId());
    }

    public RecordedReciprocityEntry serviceDrawn(Login me, CommunityId community, PartnerId partner,
                                                 ServiceDrawnEntry request) {
        requireEntry(me, community, partner, request.initiativeId());
        commands.sendAndWait(new RecordServiceDrawn(partner, request.commandId(), community, request.initiativeId(),
                request.category(), request.count(), day.orToday(request.businessDate()), me.memberId()));
        return new RecordedReciprocityEntry(partner, request.commandId());
    }

    public RecordedReciprocityEntry moneyReturned(Login me, CommunityId community, PartnerId partner,
                                                  MoneyReturnedEntry request) {
        requireEntry(me, community, partner, request.initiativeId());
        commands.sendAndWait(new RecordMoneyReturned(partner, request.commandId(), community, request.initiativeId(),
                request.amount(), day.orToday(request.businessDate()), me.memberId()));
        return new RecordedReciprocityEntry(partner, request.commandId());
    }

    public RecordedReciprocityEntry inKindReturned(Login me, CommunityId community, PartnerId partner,
                                                   InKindReturnedEntry request) {
        requireEntry(me, community, partner, request.initiativeId());
        commands.sendAndWait(new RecordInKindReturned(partner, request.commandId(), community, request.initiativeId(),
                request.category(), request.value(), day.orToday(request.businessDate()), me.memberId()));
        return new RecordedReciprocityEntry(partner, request.commandId());
    }

    /** Reverses the entry made by command {@code entry}, once; the original stays in the account. */
    public RecordedReciprocityEntry reverse(Login me, CommunityId community, PartnerId partner, CommandId entry,
                                            ReciprocityReversal request) {
        // The reversal does not name the entry's initiative: only a coordinator, who answers for all of them, reverses.
        access.requireCoordinator(me, community);
        requirePartner(me, community, partner);
        commands.sendAndWait(new ReverseReciprocityEntry(partner, request.commandId(), entry, request.reason(),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedReciprocityEntry(partner, request.commandId());
    }

    /** Drawn versus returned for {@code from}–{@code to} (inclusive, at most three years), per initiative and in total. */
    public PartnerStatement statement(Login me, CommunityId community, PartnerId partner, LocalDate from, LocalDate to) {
        requireVisible(me, community, partner);
        return reciprocity.statement(community, partner, from, to);
    }

    /**
     * A partner's start page and PDF: the period and the one before it, month by month, and the
     * valuations used; the same statement as {@link #statement}, with counts a total would give back hidden.
     */
    public PartnerOverview overview(Login me, CommunityId community, PartnerId partner, ReportPeriod period) {
        requireVisible(me, community, partner);
        ReportPeriod previous = period.previous();
        return new PartnerOverview(partner, reciprocity.nameOf(community), period,
                CountShield.shielded(reciprocity.statement(community, partner, period.from(), period.to())), previous,
                CountShield.shielded(reciprocity.statement(community, partner, previous.from(), previous.to())),
                reciprocity.monthly(community, partner, period.firstChartMonth(), period.lastChartMonth()),
                reciprocity.valuationsOf(community));
    }

    /** Most entries the coordinator's list shows: the latest, enough to find one to reverse. */
    static final int LISTED_ENTRIES = 50;

    /**
     * What the coordinator's page for recording a partner's entries shows: the latest entries one
     * by one (never for the partner's eyes), and the initiatives an entry may name.
     */
    public EntryBook entryBook(Login me, CommunityId community, PartnerId partner) {
        requirePartner(me, community, partner);
        access.requireCoordinator(me, community);
        return new EntryBook(reciprocity.entriesOf(community, partner, LISTED_ENTRIES), initiatives.initiativesOf(community));
    }

    /** Refuses whoever may not see the partner's statement, as {@link #statement} would (a page's form asked for nothing readable). */
    public void requireStatementVisible(Login me, CommunityId community, PartnerId partner) {
        requireVisible(me, community, partner);
    }

    /** Everything drawn and returned up to the end of {@code asOf} (today when left out), valued. */
    public PartnerBalance balance(Login me, CommunityId community, PartnerId partner, LocalDate asOf) {
        requireVisible(me, community, partner);
        return reciprocity.balanceOf(community, partner, day.orToday(asOf));
    }

    /** The entry's initiative gave or received: its treasurers record for it, and the coordinators. */
    private void requireEntry(Login me, CommunityId community, PartnerId partner, InitiativeId initiative) {
        // Who asks before what exists, as everywhere.
        access.requireTreasurerOrCoordinator(me, community, initiative);
        requirePartner(me, community, partner);
        if (!initiatives.knows(community, initiative)) {
            throw new UnknownInitiative(initiative);
        }
    }

    private void requirePartner(Login me, CommunityId community, PartnerId partner) {
        access.requireMember(me, community);
        if (!reciprocity.knows(community, partner)) {
            throw new NotFound("no partner " + partner + " in this community");
        }
    }

    /** The partner's own representatives and the coordinators; what they see is aggregates, never a person. */
    private void requireVisible(Login me, CommunityId community, PartnerId partner) {
        access.requireRepresentativeOrCoordinator(me, community, partner);
        if (!reciprocity.knows(community, partner)) {
            throw new NotFound("no partner " + partner + " in this community");
        }
    }
}
