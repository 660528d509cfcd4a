package nl.wederkerig.api.journal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.accounts.Access;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.projections.journal.JournalPostings;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The community's whole book as a balanced double-entry journal: hledger / ledger-cli text or CSV,
 * written to the response while it is read from the database, so a large book needs no more
 * memory than a small one.
 *
 * <p>Only coordinators download it: the journal names member ids and who owes whom, which no
 * neighbour, treasurer or partner may see of others. A treasurer reads their own initiative's
 * books through its balance and report.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class JournalController {

    static final String TEXT_PLAIN = "text/plain;charset=UTF-8";
    static final String TEXT_CSV = "text/csv;charset=UTF-8";

    /**
     * Longest an export may read. Longer than the 10 s default on purpose: an export only reads, so
     * it cannot hold back the event store's gap detection the default guards against.
     */
    static final int EXPORT_TIMEOUT_SECONDS = 300;

    private final JournalPostings journal;
    private final TransactionTemplate readOnly;
    private final Access access;

    JournalController(JournalPostings journal, Access access, PlatformTransactionManager transactions) {
        this.access = access;
        this.journal = journal;
        // One read-only transaction per export: PostgreSQL streams by fetch size only inside a
        // transaction (otherwise it loads the whole result), and the export sees one snapshot.
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setTimeout(EXPORT_TIMEOUT_SECONDS);
    }

    @GetMapping(value = "/journal.hledger", produces = TEXT_PLAIN)
    @Operation(summary = "The community's journal in hledger format",
            description = "Every entry balanced, by business date then as recorded. EUR in euros, MIN in minutes. "
                    + "Check with `hledger -f journal.hledger balance`.")
    @ApiResponse(responseCode = "200", description = "hledger journal text (ledger-cli reads it too)",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "Suggested file name",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    void hledger(@PathVariable CommunityId communityId, @AuthenticationPrincipal Member me,
                 HttpServletResponse response) throws IOException {
        access.requireCoordinator(me, communityId);
        try (Writer out = start(response, TEXT_PLAIN, communityId + "-journal.hledger")) {
            readOnly.executeWithoutResult(status -> journal.exportHledger(communityId, out));
        }
    }

    @GetMapping(value = "/journal.csv", produces = TEXT_CSV)
    @Operation(summary = "The community's journal as CSV, one row per posting",
            description = "Columns: date,entry,code,description,account,amount,unit,quantity. `amount` is the decimal "
                    + "in the unit, `quantity` the exact whole cents or minutes.")
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV with a header row",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "Suggested file name",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void csv(@PathVariable CommunityId communityId, @AuthenticationPrincipal Member me,
             HttpServletResponse response) throws IOException {
        access.requireCoordinator(me, communityId);
        try (Writer out = start(response, TEXT_CSV, communityId + "-journal.csv")) {
            readOnly.executeWithoutResult(status -> journal.exportCsv(communityId, out));
        }
    }

    private static Writer start(HttpServletResponse response, String contentType, String fileName) throws IOException {
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The file name is built from a community id: lower-case letters, digits and hyphens only.
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        return response.getWriter();
    }

}
