package nl.wederkerig.api.journal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The community's whole book over HTTP, as hledger / ledger-cli text or CSV, streamed; only
 * coordinators download it ({@link JournalExports}).
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class JournalController {

    static final String TEXT_PLAIN = "text/plain;charset=UTF-8";
    static final String TEXT_CSV = "text/csv;charset=UTF-8";

    private final JournalExports exports;

    JournalController(JournalExports exports) {
        this.exports = exports;
    }

    @GetMapping(value = "/journal.hledger", produces = TEXT_PLAIN)
    @Operation(summary = "The community's journal in hledger format",
            description = "Every entry balanced, by business date then as recorded. EUR in euros, MIN in minutes. "
                    + "Check with `hledger -f journal.hledger balance`.")
    @ApiResponse(responseCode = "200", description = "hledger journal text (ledger-cli reads it too)",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "Suggested file name",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    void hledger(@PathVariable CommunityId communityId, @AuthenticationPrincipal Login me,
                 HttpServletResponse response) throws IOException {
        exports.hledger(me, communityId, () -> start(response, TEXT_PLAIN, communityId + "-journal.hledger"));
    }

    @GetMapping(value = "/journal.csv", produces = TEXT_CSV)
    @Operation(summary = "The community's journal as CSV, one row per posting",
            description = "Columns: date,entry,code,description,account,amount,unit,quantity. `amount` is the decimal "
                    + "in the unit, `quantity` the exact whole cents or minutes.")
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV with a header row",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "Suggested file name",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void csv(@PathVariable CommunityId communityId, @AuthenticationPrincipal Login me,
             HttpServletResponse response) throws IOException {
        exports.csv(me, communityId, () -> start(response, TEXT_CSV, communityId + "-journal.csv"));
    }

    private static Writer start(HttpServletResponse response, String contentType, String fileName) throws IOException {
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The file name is built from a community id: lower-case letters, digits and hyphens only.
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        return response.getWriter();
    }

}
