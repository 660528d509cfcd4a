package nl.wederkerig.api.advances;

import jakarta.validation.Valid;
import nl.wederkerig.api.advances.AdvanceRequests.Confirm;
import nl.wederkerig.api.advances.AdvanceRequests.Dispute;
import nl.wederkerig.api.advances.AdvanceRequests.Make;
import nl.wederkerig.api.advances.AdvanceRequests.Recorded;
import nl.wederkerig.api.advances.AdvanceRequests.Reimburse;
import nl.wederkerig.api.advances.AdvanceRequests.ReimbursementReversal;
import nl.wederkerig.api.advances.AdvanceRequests.Step;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.projections.balances.AdvanceView;
import nl.wederkerig.projections.balances.ReimbursementView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Advances between neighbours over HTTP. Commands are answered once the events are stored; the
 * balances are read models that follow within moments (eventual consistency). What each request
 * means is decided by {@link Advances}, which the pages call too.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class AdvanceController {

    private final Advances advances;

    AdvanceController(Advances advances) {
        this.advances = advances;
    }

    @PostMapping("/advances")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Recorded> make(@PathVariable CommunityId communityId, @Valid @RequestBody Make body,
                                  @AuthenticationPrincipal Login me) {
        Recorded recorded = advances.make(me, communityId, body);
        URI location = URI.create("/api/v1/communities/" + communityId + "/advances/" + recorded.advanceId());
        return ResponseEntity.created(location).body(recorded);
    }

    @PostMapping("/advances/{advanceId}/acknowledgement")
    Recorded acknowledge(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                         @Valid @RequestBody Step body, @AuthenticationPrincipal Login me) {
        return advances.acknowledge(me, communityId, advanceId, body);
    }

    @PostMapping("/advances/{advanceId}/dispute")
    Recorded dispute(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                     @Valid @RequestBody Dispute body, @AuthenticationPrincipal Login me) {
        return advances.dispute(me, communityId, advanceId, body);
    }

    /** A reimbursement is a record of its own (the lender confirms its receipt by its id): 201 with where to find it. */
    @PostMapping("/advances/{advanceId}/reimbursements")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Recorded> reimburse(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                                       @Valid @RequestBody Reimburse body, @AuthenticationPrincipal Login me) {
        Recorded recorded = advances.reimburse(me, communityId, advanceId, body);
        URI location = URI.create("/api/v1/communities/" + communityId + "/advances/" + advanceId + "/reimbursements/"
                + recorded.commandId());
        return ResponseEntity.created(location).body(recorded);
    }

    /** One reimbursement and whether the lender confirmed its receipt; for lender and borrower only. */
    @GetMapping("/advances/{advanceId}/reimbursements/{reimbursementId}")
    ReimbursementView reimbursement(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                                    @PathVariable CommandId reimbursementId, @AuthenticationPrincipal Login me) {
        return advances.reimbursement(me, communityId, advanceId, reimbursementId);
    }

    @PostMapping("/advances/{advanceId}/receipt-confirmations")
    Recorded confirm(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                     @Valid @RequestBody Confirm body, @AuthenticationPrincipal Login me) {
        return advances.confirmReceipt(me, communityId, advanceId, body);
    }

    @PostMapping("/advances/{advanceId}/reimbursements/{reimbursementId}/reversal")
    Recorded reverseReimbursement(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                                  @PathVariable CommandId reimbursementId, @Valid @RequestBody ReimbursementReversal body,
                                  @AuthenticationPrincipal Login me) {
        return advances.reverseReimbursement(me, communityId, advanceId, reimbursementId, body);
    }

    @PostMapping("/advances/{advanceId}/forgiveness")
    Recorded forgive(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                     @Valid @RequestBody Step body, @AuthenticationPrincipal Login me) {
        return advances.forgive(me, communityId, advanceId, body);
    }

    @PostMapping("/advances/{advanceId}/cancellation")
    Recorded cancel(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                    @Valid @RequestBody Step body, @AuthenticationPrincipal Login me) {
        return advances.cancel(me, communityId, advanceId, body);
    }

    /**
     * How the borrower pays back by bank (the lender's IBAN, what is outstanding, the reference and
     * the GiroCode's text); for the borrower of an open advance only, 404 to anyone else. Paying
     * records nothing: the reimbursement is recorded with POST .../reimbursements.
     */
    @GetMapping("/advances/{advanceId}/payment-instructions")
    PaymentInstructions paymentInstructions(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                                            @AuthenticationPrincipal Login me) {
        return advances.paymentInstructions(me, communityId, advanceId);
    }

    /** One advance, for its lender and borrower only; to anyone else it does not exist. */
    @GetMapping("/advances/{advanceId}")
    AdvanceView advance(@PathVariable CommunityId communityId, @PathVariable AdvanceId advanceId,
                        @AuthenticationPrincipal Login me) {
        return advances.advance(me, communityId, advanceId);
    }
}
