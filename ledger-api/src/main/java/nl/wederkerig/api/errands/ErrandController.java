package nl.wederkerig.api.errands;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import nl.wederkerig.api.errands.ErrandRequests.ErrandChange;
import nl.wederkerig.api.errands.ErrandRequests.ErrandSpending;
import nl.wederkerig.api.errands.ErrandRequests.ErrandStart;
import nl.wederkerig.api.errands.ErrandRequests.RecordedErrand;
import nl.wederkerig.api.claims.ReceiptFiles;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.projections.trust.ErrandView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Errands with entrusted cash over HTTP; {@link Errands} decides what each request means. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class ErrandController {

    private final Errands errands;

    ErrandController(Errands errands) {
        this.errands = errands;
    }

    @PostMapping("/errands")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedErrand> start(@PathVariable CommunityId communityId, @Valid @RequestBody ErrandStart body,
                                         @AuthenticationPrincipal Login me) {
        RecordedErrand recorded = errands.start(me, communityId, body);
        URI location = URI.create("/api/v1/communities/" + communityId + "/errands/" + recorded.errandId());
        return ResponseEntity.created(location).body(recorded);
    }

    /** One errand as it stands, with who holds how much cash now; for its asker and helper only. */
    @GetMapping("/errands/{errandId}")
    ErrandView errand(@PathVariable CommunityId communityId, @PathVariable ErrandId errandId,
                      @AuthenticationPrincipal Login me) {
        return errands.errand(me, communityId, errandId);
    }

    @PostMapping("/errands/{errandId}/spending")
    RecordedErrand reportSpending(@PathVariable CommunityId communityId, @PathVariable ErrandId errandId,
                                  @Valid @RequestBody ErrandSpending body, @AuthenticationPrincipal Login me) {
        return errands.reportSpending(me, communityId, errandId, body);
    }

    /**
     * The spending report with the receipt's photo or PDF in one request (multipart/form-data): the
     * part {@code spending} holds the JSON fields, the part {@code receipt} (optional, at most one)
     * the file. The file is checked by its content; a refusal (415, 413, 422) stores nothing. A file
     * sent stands for the receipt: a {@code receipt} field in the JSON part is then not used.
     */
    @PostMapping(path = "/errands/{errandId}/spending", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RecordedErrand reportSpendingWithReceipt(@PathVariable CommunityId communityId, @PathVariable ErrandId errandId,
                                             @Valid @RequestPart("spending") ErrandSpending spending,
                                             @RequestPart(name = "receipt", required = false) List<MultipartFile> receipt,
                                             @AuthenticationPrincipal Login me) throws IOException {
        return errands.reportSpendingWithReceipt(me, communityId, errandId, spending, ReceiptFiles.bytesOf(receipt));
    }

    /** The receipt file of an errand's spending (number 1), for the errand's asker and helper only; to anyone else a 404. */
    @Operation(summary = "The receipt file of an errand's spending",
            description = "For the errand's asker and helper; to anyone else, for any number but 1, and once the helper's personal "
                    + "data is erased, there is none (404, as for an unknown errand). Served as kept: a JPEG or a PDF.")
    @ApiResponse(responseCode = "200", description = "The receipt file, to be shown inline",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "inline, with a suggested file name",
                    schema = @Schema(type = "string")),
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/errands/{errandId}/receipts/{number}")
    ResponseEntity<byte[]> receipt(@PathVariable CommunityId communityId, @PathVariable ErrandId errandId,
                                   @PathVariable String number, @AuthenticationPrincipal Login me) {
        // Anything but a small whole number names no receipt and goes the way of an unknown number: access first, then 404.
        int receiptNumber = number.matches("[1-9][0-9]{0,2}") ? Integer.parseInt(number) : 0;
        return ReceiptFiles.served(errands.receipt(me, communityId, errandId, receiptNumber), receiptNumber);
    }

    /** The API's address of an errand's receipt file: a browser's session is let in there too, so the page links to it. */
    static String receiptPath(CommunityId community, ErrandId errand) {
        return "/api/v1/communities/" + community.value() + "/errands/" + errand.value() + "/receipts/1";
    }

    @PostMapping("/errands/{errandId}/change")
    RecordedErrand returnChange(@PathVariable CommunityId communityId, @PathVariable ErrandId errandId,
                                @Valid @RequestBody ErrandChange body, @AuthenticationPrincipal Login me) {
        return errands.returnChange(me, communityId, errandId, body);
    }
}
