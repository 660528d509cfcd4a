package nl.wederkerig.api.journal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The community's whole book over HTTP, as hledger / ledger-cli text (whole or per business year) or
 * the accountant's CSV, streamed; only coordinators download it. An initiative's CSV is for its
 * treasurers and kascommissie too ({@link JournalExports}).
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class JournalController {

    static final String TEXT_PLAIN = "text/plain;charset=UTF-8";
    static final String TEXT_CSV = "text/csv;charset=UTF-8";

    static final String CSV_COLUMNS = "Columns (Dutch by default, English with `Accept-Language: en`): business date, "
            + "recorded date, entry, reference (the entry's id), description, account, debit or credit, amount (no sign), unit "
            + "(EUR, MIN), quantity (signed whole cents or minutes), the account's running balance after the row, and a "
            + "relative link to the claim the entry came from. A text cell that starts with = + - or @ gets a leading '.";

    private final JournalExports exports;

    JournalController(JournalExports exports) {
        this.exports = exports;
    }

    @GetMapping(value = "/journal.hledger", produces = TEXT_PLAIN)
    @Operation(summary = "The community's journal in hledger format, whole or one business year",
            description = "Every entry balanced, by business date then as recorded. EUR in euros, MIN in minutes. "
                    + "With `year`, one business year that checks on its own (`hledger close --clopen` style): an opening "
                    + "entry on 1 January carrying every asset and liability balance from `equity:opening/closing balances`, "
                    + "the year's entries and period closes, and a closing entry on 31 December taking them back to zero. "
                    + "Check with `hledger -f journal.hledger check` or `ledger -f journal.hledger balance`.")
    @ApiResponse(responseCode = "200", description = "hledger journal text (ledger-cli reads it too)",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "Suggested file name",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    void hledger(@PathVariable CommunityId communityId,
                 @Parameter(description = "Business year, e.g. 2026 (1970 to 9999); left out, the whole book")
                 @RequestParam(required = false) Integer year,
                 @AuthenticationPrincipal Login me, HttpServletResponse response) throws IOException {
        String file = communityId + (year == null ? "" : "-" + year) + "-journal.hledger";
        exports.hledger(me, communityId, year, () -> start(response, TEXT_PLAIN, file));
    }

    @GetMapping(value = "/journal.csv", produces = TEXT_CSV)
    @Operation(summary = "The community's journal as the accountant's CSV, one row per posting",
            description = CSV_COLUMNS)
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV, UTF-8, with a header row in Dutch or English",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "Suggested file name",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void csv(@PathVariable CommunityId communityId, @AuthenticationPrincipal Login me, Locale language,
             HttpServletResponse response) throws IOException {
        exports.csv(me, communityId, language, () -> start(response, TEXT_CSV, communityId + "-journal.csv"));
    }

    @GetMapping(value = "/initiatives/{initiativeId}/journal.csv", produces = TEXT_CSV)
    @Operation(summary = "An initiative's own accounts as the accountant's CSV, one row per posting",
            description = "For its treasurers, its kascommissie and the coordinators: the fund (bank, cash box), income, "
                    + "expenses and open claims of this initiative. " + CSV_COLUMNS)
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV, UTF-8, with a header row in Dutch or English",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "Suggested file name",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void initiativeCsv(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                       @AuthenticationPrincipal Login me, Locale language, HttpServletResponse response) throws IOException {
        exports.initiativeCsv(me, communityId, initiativeId, language,
                () -> start(response, TEXT_CSV, communityId + "-" + initiativeId + "-journal.csv"));
    }

    private static Writer start(HttpServletResponse response, String contentType, String fileName) throws IOException {
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The file name is built from a community id: lower-case letters, digits and hyphens only.
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        return response.getWriter();
    }

}
