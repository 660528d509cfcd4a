package nl.wederkerig.api.trust;

import nl.wederkerig.api.ledger.BusinessDay;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.wederkerig.api.accounts.Access;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.core.community.ShareTrustHistory;
import nl.wederkerig.core.community.StopSharingTrustHistory;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.community.Memberships;
import nl.wederkerig.projections.trust.TrustHistories;
import nl.wederkerig.projections.trust.TrustHistory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A neighbour's trust history, with everyone or with one counterparty: a history, not a score. It
 * is the neighbour's own; another neighbour sees it only after the neighbour recorded their consent
 * for that one person (sharing), which they can withdraw at any time.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/members/{memberId}/trust-history")
class TrustController {

    private final TrustHistories histories;
    private final Memberships memberships;
    private final Access access;
    private final CommandGateway commands;
    private final Clock clock;

    TrustController(TrustHistories histories, Memberships memberships, Access access, CommandGateway commands, Clock clock) {
        this.histories = histories;
        this.memberships = memberships;
        this.access = access;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    TrustHistory ofMember(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                          @AuthenticationPrincipal Member me) {
        access.requireTrustHistoryVisible(me, communityId, memberId);
        return histories.of(communityId, memberId);
    }

    @GetMapping("/with/{counterparty}")
    TrustHistory withCounterparty(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                  @PathVariable MemberId counterparty, @AuthenticationPrincipal Member me) {
        access.requireTrustHistoryVisible(me, communityId, memberId);
        return histories.between(communityId, memberId, counterparty);
    }

    /** Whom the neighbour shares their history with, and who shares theirs with them: for the neighbour only. */
    @GetMapping("/sharing")
    TrustSharing sharing(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                    @AuthenticationPrincipal Member me) {
        access.requireSelf(me, communityId, memberId);
        return new TrustSharing(memberships.viewersOf(communityId, memberId), memberships.sharingWith(communityId, memberId));
    }

    /** The neighbour consents to {@code viewer} seeing their trust history. */
    @PostMapping("/sharing")
    SharingRecorded share(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                   @Valid @RequestBody SharingConsent body, @AuthenticationPrincipal Member me) {
        access.requireSelf(me, communityId, memberId);
        commands.sendAndWait(new ShareTrustHistory(communityId, body.commandId(), body.viewer(),
                BusinessDay.orToday(body.businessDate(), clock),
                me.memberId()));
        return new SharingRecorded(body.commandId(), body.viewer());
    }

    /** The neighbour withdraws the consent they gave {@code viewer}. */
    @PostMapping("/sharing/{viewer}/withdrawal")
    SharingRecorded stopSharing(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                         @PathVariable MemberId viewer, @Valid @RequestBody SharingWithdrawal body,
                         @AuthenticationPrincipal Member me) {
        access.requireSelf(me, communityId, memberId);
        commands.sendAndWait(new StopSharingTrustHistory(communityId, body.commandId(), viewer,
                BusinessDay.orToday(body.businessDate(), clock),
                me.memberId()));
        return new SharingRecorded(body.commandId(), viewer);
    }


    record SharingConsent(@NotNull CommandId commandId, @NotNull MemberId viewer, LocalDate businessDate) {
    }

    record SharingWithdrawal(@NotNull CommandId commandId, LocalDate businessDate) {
    }

    /** What a consent command answers: the command and the neighbour it concerns. */
    record SharingRecorded(CommandId commandId, MemberId viewer) {
    }

    /**
     * @param sharedWith the neighbours who may see this neighbour's history
     * @param sharedBy   the neighbours whose history this neighbour may see
     */
    record TrustSharing(List<MemberId> sharedWith, List<MemberId> sharedBy) {
    }
}
