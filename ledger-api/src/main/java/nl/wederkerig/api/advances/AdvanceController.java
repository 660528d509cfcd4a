package nl.wederkerig.api.advances;

import nl.wederkerig.api.ledger.BusinessDay;
import jakarta.validation.Valid;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.api.advances.AdvanceRequests.Confirm;
import nl.wederkerig.api.advances.AdvanceRequests.Dispute;
import nl.wederkerig.api.advances.AdvanceRequests.Make;
import nl.wederkerig.api.advances.AdvanceRequests.Recorded;
import nl.wederkerig.api.advances.AdvanceRequests.Reimburse;
import nl.wederkerig.api.advances.AdvanceRequests.ReimbursementReversal;
import nl.wederkerig.api.advances.AdvanceRequests.Step;
import nl.wederkerig.api.problems.NotFound;
import nl.wederkerig.core.advances.AcknowledgeAdvance;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.CancelAdvance;
import nl.wederkerig.core.advances.ConfirmReimbursement;
import nl.wederkerig.core.advances.DisputeAdvance;
import nl.wederkerig.core.advances.ForgiveAdvance;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.advances.ReverseReimbursement;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.balances.AdvanceView;
import nl.wederkerig.projections.balances.NeighbourBalance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Advances between neighbours. Commands are answered once the events are stored; the balances
 * are read models that follow within moments (eventual consistency).
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class AdvanceController {

    private final CommandGateway commands;
    private final AdvanceBalances balances;
    private final Clock clock;

    AdvanceController(CommandGateway commands, AdvanceBalances balances, Clock clock) {
        this.commands = commands;
        this.balances = balances;
        this.clock = clock;
    }

    @PostMapping("/advances")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Recorded> make(@PathVariable CommunityId communityId, @Valid @RequestBody Make body,
                                  @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new MakeAdvance(body.advanceId(), communityId, me.memberId(), body.borrower(),
                body.amount(), body.purpose(), BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        URI location = URI.create("/api/v1/communities/" + communityId + "/advances/" + body.advanceId());
        // The advance id is the id of the command that made it.
        return ResponseEntity.created(location).body(new Recorded(body.advanceId(), CommandId.of(body.advanceId().value())));
    }

    @PostMapping("/advances/{advanceId}/acknowledgement")
    Recorded acknowledge(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                         @Valid @RequestBody Step body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new AcknowledgeAdvance(advanceId, body.commandId(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new Recorded(advanceId, body.commandId());
    }

    @PostMapping("/advances/{advanceId}/dispute")
    Recorded dispute(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                     @Valid @RequestBody Dispute body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new DisputeAdvance(advanceId, body.commandId(), body.reason(),
                BusinessDay.orToday(body.businessDate(), clock),
                me.memberId()));
        return new Recorded(advanceId, body.commandId());
    }

    @PostMapping("/advances/{advanceId}/reimbursements")
    Recorded reimburse(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                       @Valid @RequestBody Reimburse body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new ReimburseAdvance(advanceId, body.commandId(), body.amount(),
                BusinessDay.orToday(body.businessDate(), clock),
                me.memberId()));
        return new Recorded(advanceId, body.commandId());
    }

    @PostMapping("/advances/{advanceId}/receipt-confirmations")
    Recorded confirm(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                     @Valid @RequestBody Confirm body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new ConfirmReimbursement(advanceId, body.commandId(), body.reimbursementId(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new Recorded(advanceId, body.commandId());
    }

    /** Lender or borrower reverses a reimbursement entered in error; the amount is owed again. */
    @PostMapping("/advances/{advanceId}/reimbursements/{reimbursementId}/reversal")
    Recorded reverseReimbursement(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                                  @PathVariable CommandId reimbursementId, @Valid @RequestBody ReimbursementReversal body,
                                  @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new ReverseReimbursement(advanceId, body.commandId(), reimbursementId, body.reason(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new Recorded(advanceId, body.commandId());
    }

    @PostMapping("/advances/{advanceId}/forgiveness")
    Recorded forgive(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                     @Valid @RequestBody Step body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new ForgiveAdvance(advanceId, body.commandId(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new Recorded(advanceId, body.commandId());
    }

    @PostMapping("/advances/{advanceId}/cancellation")
    Recorded cancel(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                    @Valid @RequestBody Step body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new CancelAdvance(advanceId, body.commandId(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new Recorded(advanceId, body.commandId());
    }

    /** One advance, for its lender and borrower only; to anyone else it does not exist. */
    @GetMapping("/advances/{advanceId}")
    AdvanceView advance(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                        @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        return balances.advance(communityId, advanceId)
                .filter(advance -> advance.lender().equals(me.memberId()) || advance.borrower().equals(me.memberId()))
                .orElseThrow(() -> new NotFound("no advance " + advanceId + " of yours"));
    }

    /**
     * A neighbour's own balance, now or as of the end of business date {@code asOf}; a neighbour
     * sees only their own affairs.
     */
    @GetMapping("/members/{memberId}/balance")
    NeighbourBalance balance(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        if (!me.memberId().equals(memberId)) {
            throw new AccessDeniedException("not your balance");
        }
        return balances.balanceOf(communityId, memberId, asOf != null ? asOf : AdvanceBalances.LATEST);
    }


}
