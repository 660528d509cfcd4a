package nl.wederkerig.api.reciprocity;

import nl.wederkerig.api.ledger.BusinessDay;
import jakarta.validation.Valid;
import nl.wederkerig.api.accounts.Access;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.api.problems.NotFound;
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
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Entries in a partner's reciprocity account. The account checks amounts, dates, its community and
 * reversals; partner and initiative are checked here against the community's registrations (read
 * models), since the account is created by its first entry and knows neither.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/partners/{partnerId}")
class ReciprocityController {

    private final CommandGateway commands;
    private final PartnerReciprocity reciprocity;
    private final InitiativeFunds initiatives;
    private final Access access;
    private final Clock clock;

    ReciprocityController(CommandGateway commands, PartnerReciprocity reciprocity, InitiativeFunds initiatives,
                          Access access, Clock clock) {
        this.commands = commands;
        this.reciprocity = reciprocity;
        this.initiatives = initiatives;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/hours-drawn")
    RecordedReciprocityEntry hoursDrawn(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                                        @Valid @RequestBody HoursDrawnEntry body, @AuthenticationPrincipal Member me) {
        requireEntry(communityId, partnerId, body.initiativeId(), me);
        commands.sendAndWait(new RecordHoursDrawn(partnerId, body.commandId(), communityId, body.initiativeId(), body.hours(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedReciprocityEntry(partnerId, body.commandId());
    }

    @PostMapping("/services-drawn")
    RecordedReciprocityEntry serviceDrawn(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                                          @Valid @RequestBody ServiceDrawnEntry body, @AuthenticationPrincipal Member me) {
        requireEntry(communityId, partnerId, body.initiativeId(), me);
        commands.sendAndWait(new RecordServiceDrawn(partnerId, body.commandId(), communityId, body.initiativeId(),
                body.category(), body.count(), BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedReciprocityEntry(partnerId, body.commandId());
    }

    @PostMapping("/money-returned")
    RecordedReciprocityEntry moneyReturned(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                                           @Valid @RequestBody MoneyReturnedEntry body, @AuthenticationPrincipal Member me) {
        requireEntry(communityId, partnerId, body.initiativeId(), me);
        commands.sendAndWait(new RecordMoneyReturned(partnerId, body.commandId(), communityId, body.initiativeId(),
                body.amount(), BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedReciprocityEntry(partnerId, body.commandId());
    }

    @PostMapping("/in-kind-returned")
    RecordedReciprocityEntry inKindReturned(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                                            @Valid @RequestBody InKindReturnedEntry body, @AuthenticationPrincipal Member me) {
        requireEntry(communityId, partnerId, body.initiativeId(), me);
        commands.sendAndWait(new RecordInKindReturned(partnerId, body.commandId(), communityId, body.initiativeId(),
                body.category(), body.value(), BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedReciprocityEntry(partnerId, body.commandId());
    }

    /** Reverses the entry made by command {@code entryId}, once; the original stays in the account. */
    @PostMapping("/entries/{entryId}/reversal")
    RecordedReciprocityEntry reverse(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                                     @PathVariable CommandId entryId, @Valid @RequestBody ReciprocityReversal body,
                                     @AuthenticationPrincipal Member me) {
        requirePartner(communityId, partnerId, me);
        // The reversal does not name the entry's initiative: only a coordinator, who answers for all of them, reverses.
        access.requireCoordinator(me, communityId);
        commands.sendAndWait(new ReverseReciprocityEntry(partnerId, body.commandId(), entryId, body.reason(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedReciprocityEntry(partnerId, body.commandId());
    }

    /** The entry's initiative gave or received: its treasurers record for it, and the coordinators. */
    private void requireEntry(CommunityId community, PartnerId partner, InitiativeId initiative, Member me) {
        requirePartner(community, partner, me);
        if (!initiatives.knows(community, initiative)) {
            throw new UnknownInitiative(initiative);
        }
        access.requireTreasurerOrCoordinator(me, community, initiative);
    }

    private void requirePartner(CommunityId community, PartnerId partner, Member me) {
        me.requireMemberOf(community);
        if (!reciprocity.knows(community, partner)) {
            throw new NotFound("no partner " + partner + " in this community");
        }
    }

}
