package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.corrections.Reversals;
import nl.wederkerig.core.shared.Amounts;
import nl.wederkerig.core.shared.BusinessDates;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.KnownParties;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ProcessedCommands;
import nl.wederkerig.core.help.HoursNotPositive;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the wijk gave one partner (hours, services) and what the partner returned (money, in
 * kind): the wederkerigheid account. Created by its first entry. Values in money come later, in
 * {@link ReciprocityStatement}, with the hour valuation in force on each entry's business date.
 *
 * <p>Who may record is checked by the API (a coordinator, or a treasurer of the initiative); the
 * account itself checks amounts, dates, its community and reversals.
 */
public class PartnerAccount {

    /** Largest single amount a partner returns in one entry: a year's subsidy fits. */
    public static final Money MAX_RETURNED = Money.eur("100000.00");
    /** Most services of one kind in one entry (e.g. meals served in a month). */
    public static final int MAX_SERVICE_COUNT = 1_000;
    /** Most entries over an account's life; bounds the stream and the state below. */
    public static final int MAX_COMMANDS = 20_000;

    @AggregateIdentifier
    private PartnerId partnerId;
    private CommunityId communityId;
    private final Reversals<ReciprocityEntry> reversals = new Reversals<>();
    private final ProcessedCommands processed = new ProcessedCommands(MAX_COMMANDS);

    protected PartnerAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordHoursDrawn command, Clock clock, KnownParties parties) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireEntry(command.partnerId(), command.communityId(), command.initiativeId(), command.actor(), command.businessDate(),
                clock, parties);
        if (!Objects.requireNonNull(command.hours(), "hours are missing").isPositive()) {
            throw new HoursNotPositive();
        }
        apply(new HoursDrawn(command.partnerId(), command.communityId(), command.commandId(), command.initiativeId(),
                command.hours(), command.businessDate(), Objects.requireNonNull(command.actor()), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordServiceDrawn command, Clock clock, KnownParties parties) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireEntry(command.partnerId(), command.communityId(), command.initiativeId(), command.actor(), command.businessDate(),
                clock, parties);
        Objects.requireNonNull(command.category(), "category is missing");
        if (command.count() < 1 || command.count() > MAX_SERVICE_COUNT) {
            throw new ServiceCountOutOfRange(command.count(), MAX_SERVICE_COUNT);
        }
        apply(new ServiceDrawn(command.partnerId(), command.communityId(), command.commandId(), command.initiativeId(),
                command.category(), command.count(), command.businessDate(), Objects.requireNonNull(command.actor()),
                clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordMoneyReturned command, Clock clock, KnownParties parties) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireEntry(command.partnerId(), command.communityId(), command.initiativeId(), command.actor(), command.businessDate(),
                clock, parties);
        Amounts.requirePositiveEur(command.amount(), MAX_RETURNED);
        apply(new MoneyReturned(command.partnerId(), command.communityId(), command.commandId(), command.initiativeId(),
                command.amount(), command.businessDate(), Objects.requireNonNull(command.actor()), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordInKindReturned command, Clock clock, KnownParties parties) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireEntry(command.partnerId(), command.communityId(), command.initiativeId(), command.actor(), command.businessDate(),
                clock, parties);
        Objects.requireNonNull(command.category(), "category is missing");
        Amounts.requirePositiveEur(command.value(), MAX_RETURNED);
        apply(new InKindReturned(command.partnerId(), command.communityId(), command.commandId(), command.initiativeId(),
                command.category(), command.value(), command.businessDate(), Objects.requireNonNull(command.actor()),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ReverseReciprocityEntry command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.reason(), "reason is missing");
        Objects.requireNonNull(command.actor(), "actor is missing");
        ReciprocityEntry original = reversals.requireReversible(Objects.requireNonNull(command.entryId(), "entry is missing"));
        BusinessDates.requireAllowed(command.businessDate(), clock);
        apply(new ReciprocityEntryReversed(partnerId, communityId, command.commandId(), original, command.reason(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    /** Every entry: its partner and initiative are registered in its community, and whoever records it is a current member. */
    private void requireEntry(PartnerId partner, CommunityId community, InitiativeId initiative, MemberId actor,
                              LocalDate businessDate, Clock clock, KnownParties parties) {
        Objects.requireNonNull(partner, "partner is missing");
        Objects.requireNonNull(community, "community is missing");
        Objects.requireNonNull(initiative, "initiative is missing");
        Objects.requireNonNull(actor, "actor is missing");
        if (communityId != null && !communityId.equals(community)) {
            throw new WrongCommunity(communityId, community);
        }
        BusinessDates.requireAllowed(businessDate, clock);
        parties.requirePartner(community, partner);
        parties.requireInitiative(community, initiative);
        parties.requireMembers(community, actor);
    }

    @EventSourcingHandler
    void on(HoursDrawn event) {
        book(event, event.partnerId(), event.communityId(), new RecordHoursDrawn(event.partnerId(), event.commandId(),
                event.communityId(), event.initiativeId(), event.hours(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(ServiceDrawn event) {
        book(event, event.partnerId(), event.communityId(), new RecordServiceDrawn(event.partnerId(), event.commandId(),
                event.communityId(), event.initiativeId(), event.category(), event.count(), event.businessDate(),
                event.actor()));
    }

    @EventSourcingHandler
    void on(MoneyReturned event) {
        book(event, event.partnerId(), event.communityId(), new RecordMoneyReturned(event.partnerId(), event.commandId(),
                event.communityId(), event.initiativeId(), event.amount(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(InKindReturned event) {
        book(event, event.partnerId(), event.communityId(), new RecordInKindReturned(event.partnerId(),
                event.commandId(), event.communityId(), event.initiativeId(), event.category(), event.value(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(ReciprocityEntryReversed event) {
        reversals.markReversed(event.original().commandId());
        processed.remember(event.commandId(), new ReverseReciprocityEntry(partnerId, event.commandId(),
                event.original().commandId(), event.reason(), event.businessDate(), event.actor()));
    }

    private void book(ReciprocityEntry entry, PartnerId partner, CommunityId community, Object command) {
        partnerId = partner;
        communityId = community;
        reversals.remember(entry.commandId(), entry);
        processed.remember(entry.commandId(), command);
    }
}
