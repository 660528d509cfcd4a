package nl.wederkerig.api.funds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** An initiative's annual report for funders, as a PDF in the reader's language (Dutch unless asked for English). */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/initiatives/{initiativeId}")
class AnnualReportController {

    private final AnnualReports reports;
    private final AnnualReportPdf pdf;

    AnnualReportController(AnnualReports reports, AnnualReportPdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    /** {@code year} beside the year before it; a year that is not four digits from 2000 up to next year is a 400. */
    @Operation(summary = "The initiative's annual report for funders (PDF)",
            description = "For the initiative's treasurers and kascommissie and the coordinators; anyone else is refused as for an "
                    + "unknown initiative. Dutch unless Accept-Language asks for English.")
    @ApiResponse(responseCode = "200", description = "The report as a PDF download",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/annual-report")
    ResponseEntity<byte[]> annualReport(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                        @RequestParam(required = false) String year, @AuthenticationPrincipal Login me,
                                        Locale locale) {
        AnnualReports.NamedReport report = reports.report(me, communityId, initiativeId, year);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(AnnualReportPdf.fileName(report))
                        .build().toString())
                .body(pdf.render(report, locale));
    }
}
