package nl.wederkerig.api.claims;

import jakarta.validation.Valid;
import nl.wederkerig.api.claims.ClaimRequests.ClaimAnswer;
import nl.wederkerig.api.claims.ClaimRequests.ClaimApproval;
import nl.wederkerig.api.claims.ClaimRequests.ClaimNoteText;
import nl.wederkerig.api.claims.ClaimRequests.ClaimPayee;
import nl.wederkerig.api.claims.ClaimRequests.ClaimQuestion;
import nl.wederkerig.api.claims.ClaimRequests.ClaimRejection;
import nl.wederkerig.api.claims.ClaimRequests.ClaimSubmission;
import nl.wederkerig.api.claims.ClaimRequests.ClaimWithReceipts;
import nl.wederkerig.api.claims.ClaimRequests.RecordedClaim;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.claims.ClaimView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import nl.wederkerig.projections.claims.ClaimView;
import java.util.List;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.MediaType;
import java.io.IOException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Expense claims over HTTP; {@link Claims} decides what each request means. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/initiatives/{initiativeId}/claims")
class ClaimController {

    private final Claims claims;

    ClaimController(Claims claims) {
        this.claims = claims;
    }

    /** Claims to decide and to pay, oldest first: the treasurer's queue (also for the kascommissie and coordinators). */
    @GetMapping
    List<ClaimView> queue(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                          @AuthenticationPrincipal Login me) {
        return claims.queue(me, communityId, initiativeId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedClaim> submit(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                         @Valid @RequestBody ClaimSubmission body, @AuthenticationPrincipal Login me) {
        RecordedClaim recorded = claims.submit(me, communityId, initiativeId, body);
        URI location = URI.create("/api/v1/communities/" + communityId + "/initiatives/" + initiativeId + "/claims/"
                + recorded.claimId());
        return ResponseEntity.created(location).body(recorded);
    }

    /**
     * A claim with its receipt files in one request (multipart/form-data): the part {@code claim}
     * holds the JSON fields, each part {@code receipt} one photo or PDF. Files are checked by their
     * content; a refusal (415, 413, 422) stores nothing.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RecordedClaim> submitWithReceipts(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                                     @Valid @RequestPart("claim") ClaimWithReceipts claim,
                                                     @RequestPart(name = "receipt", required = false) List<MultipartFile> receipts,
                                                     @AuthenticationPrincipal Login me) throws IOException {
        RecordedClaim recorded = claims.submitWithReceipts(me, communityId, initiativeId, claim, ReceiptFiles.bytesOf(receipts));
        URI location = URI.create("/api/v1/communities/" + communityId + "/initiatives/" + initiativeId + "/claims/"
                + recorded.claimId());
        return ResponseEntity.created(location).body(recorded);
    }

    /** Receipt file {@code number} (from 1) of a claim, for the claimant and who reads the initiative's books. */
    @Operation(summary = "One receipt file of a claim",
            description = "For the claimant, the initiative's treasurers and kascommissie, and the coordinators; to anyone else, "
                    + "and once the claimant's personal data is erased, there is none (404). Served as kept: a JPEG or a PDF.")
    @ApiResponse(responseCode = "200", description = "The receipt file, to be shown inline",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "inline, with a suggested file name",
                    schema = @Schema(type = "string")),
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/{claimId}/receipts/{number}")
    ResponseEntity<byte[]> receipt(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                   @PathVariable ClaimId claimId, @PathVariable String number, @AuthenticationPrincipal Login me) {
        int receiptNumber = receiptNumber(number);
        return ReceiptFiles.served(claims.receipt(me, communityId, initiativeId, claimId, receiptNumber), receiptNumber);
    }

    /** A number no receipt has: receipts are numbered from 1. */
    private static final int NO_RECEIPT = 0;

    /**
     * A receipt's number as the address gives it. Anything but a small whole number names no receipt
     * and goes the same way as an unknown number (access first, then 404), never a 400 of its own, so
     * the answer is the same whether or not the claim exists and is the asker's (LookUpAndLeaksHttpTest).
     */
    private static int receiptNumber(String number) {
        return number.matches("[1-9][0-9]{0,2}") ? Integer.parseInt(number) : NO_RECEIPT;
    }

    /** One claim: status, every step, receipt reference; for the claimant, the initiative's treasurers and the coordinators. */
    @GetMapping("/{claimId}")
    ClaimView claim(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                    @PathVariable ClaimId claimId, @AuthenticationPrincipal Login me) {
        return claims.claim(me, communityId, initiativeId, claimId);
    }

    @PostMapping("/{claimId}/approval")
    RecordedClaim approve(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                          @PathVariable ClaimId claimId, @Valid @RequestBody ClaimApproval body,
                          @AuthenticationPrincipal Login me) {
        return claims.approve(me, communityId, initiativeId, claimId, body);
    }

    /** Whoever may decide asks the claimant a question (sealed with the claimant's key); the claim waits for the answer. */
    @PostMapping("/{claimId}/information-request")
    RecordedClaim requestInformation(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                     @PathVariable ClaimId claimId, @Valid @RequestBody ClaimQuestion body,
                                     @AuthenticationPrincipal Login me) {
        return claims.requestInformation(me, communityId, initiativeId, claimId, body);
    }

    /** The claimant answers the question about their own claim; the claim awaits a decision again. */
    @PostMapping("/{claimId}/information")
    RecordedClaim provideInformation(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                     @PathVariable ClaimId claimId, @Valid @RequestBody ClaimAnswer body,
                                     @AuthenticationPrincipal Login me) {
        return claims.provideInformation(me, communityId, initiativeId, claimId, body);
    }

    /** The questions about a claim and the answers, oldest first: for the claimant and whoever reads the initiative's books. */
    @GetMapping("/{claimId}/questions")
    List<ClaimNoteText> questions(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                  @PathVariable ClaimId claimId, @AuthenticationPrincipal Login me) {
        return claims.notes(me, communityId, initiativeId, claimId);
    }

    /**
     * How to pay an approved claim: the claimant's IBAN (null when they stored no payout details) and
     * the reference {@code WDK-<claim id>}. For the initiative's treasurers only.
     */
    @GetMapping("/{claimId}/payee")
    ClaimPayee payee(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                     @PathVariable ClaimId claimId, @AuthenticationPrincipal Login me) {
        return claims.payee(me, communityId, initiativeId, claimId);
    }

    @PostMapping("/{claimId}/rejection")
    RecordedClaim reject(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                         @PathVariable ClaimId claimId, @Valid @RequestBody ClaimRejection body,
                         @AuthenticationPrincipal Login me) {
        return claims.reject(me, communityId, initiativeId, claimId, body);
    }
}
