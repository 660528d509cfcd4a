package nl.wederkerig.api.reconciliation;

import jakarta.validation.Valid;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.BankAccountLink;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.ClaimPaymentFromLine;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.ContributionFromLine;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.ExpenseFromLine;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.MatchConfirmation;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.PeriodClose;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.PeriodReopening;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.RecordedStep;
import nl.wederkerig.api.reconciliation.ReconciliationViews.BankLineView;
import nl.wederkerig.api.reconciliation.ReconciliationViews.ImportedStatement;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.reconciliation.CloseView;
import nl.wederkerig.projections.reconciliation.ReconciliationStatus;
import nl.wederkerig.projections.reconciliation.StatementSummary;
import nl.wederkerig.statements.CsvLayout;
import nl.wederkerig.statements.StatementFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The reconciliation over HTTP; {@link Reconciliations} decides what each request means. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/initiatives/{initiativeId}")
class ReconciliationController {

    static final String CAMT053 = "application/xml";
    static final String MT940 = "text/plain";
    static final String CSV = "text/csv";

    private final Reconciliations reconciliations;

    ReconciliationController(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @PostMapping("/bank-accounts")
    RecordedStep link(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                  @Valid @RequestBody BankAccountLink body, @AuthenticationPrincipal Login me) {
        return reconciliations.linkAccount(me, communityId, initiativeId, body);
    }

    /**
     * The statement file is the body: {@value #CAMT053} for CAMT.053, {@value #MT940} for MT940,
     * {@value #CSV} with {@code ?layout=ing|rabobank|abnamro|triodos}. {@code statementId} is the
     * client's id for this import (a retry imports nothing twice); a fresh one when left out.
     */
    @PostMapping(value = "/bank-statements", consumes = {CAMT053, "text/xml", MT940, CSV})
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "imported; Location names the statement's lines",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ImportedStatement.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "every line was imported before: nothing recorded, nothing created",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ImportedStatement.class)))
    ResponseEntity<ImportedStatement> importStatement(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                                      @RequestParam(required = false) CommandId statementId,
                                                      @RequestParam(required = false) String layout,
                                                      @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                      @RequestBody byte[] file, @AuthenticationPrincipal Login me) {
        CommandId id = statementId != null ? statementId : CommandId.of("stmt-" + UUID.randomUUID());
        ImportedStatement imported = reconciliations.importStatement(me, communityId, initiativeId, id,
                formatOf(MediaType.parseMediaType(contentType), layout), file);
        if (imported.newLines() == 0) {
            // A statement imported before: nothing was recorded, so there is nothing new to point at.
            return ResponseEntity.ok(imported);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}/lines").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(imported);
    }

    private static StatementFormat formatOf(MediaType contentType, String layout) {
        if (contentType.isCompatibleWith(MediaType.parseMediaType(CSV))) {
            return CsvLayout.fromParameter(layout).format();
        }
        return contentType.isCompatibleWith(MediaType.parseMediaType(MT940)) ? StatementFormat.MT940 : StatementFormat.CAMT053;
    }

    @GetMapping("/bank-statements")
    List<StatementSummary> statements(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                      @AuthenticationPrincipal Login me) {
        return reconciliations.statements(me, communityId, initiativeId);
    }

    @GetMapping("/bank-statements/{statementId}/lines")
    List<BankLineView> statementLines(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                      @PathVariable CommandId statementId, @AuthenticationPrincipal Login me) {
        return reconciliations.statementLines(me, communityId, initiativeId, statementId);
    }

    /** Lines in no match yet, each with its proposals best first. */
    @GetMapping("/bank-lines")
    List<BankLineView> unmatchedLines(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                      @AuthenticationPrincipal Login me) {
        return reconciliations.unmatchedLines(me, communityId, initiativeId);
    }

    @GetMapping("/reconciliation")
    ReconciliationStatus status(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                @AuthenticationPrincipal Login me) {
        return reconciliations.status(me, communityId, initiativeId);
    }

    /** The confirmed matches, latest first: which bank lines and fund entries were matched, by whom, when. */
    @GetMapping("/bank-matches")
    List<nl.wederkerig.projections.reconciliation.MatchView> matches(@PathVariable CommunityId communityId,
                                                                     @PathVariable InitiativeId initiativeId,
                                                                     @AuthenticationPrincipal Login me) {
        return reconciliations.matches(me, communityId, initiativeId);
    }

    @PostMapping("/bank-matches")
    RecordedStep match(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                   @Valid @RequestBody MatchConfirmation body, @AuthenticationPrincipal Login me) {
        return reconciliations.confirmMatch(me, communityId, initiativeId, body);
    }

    @PostMapping("/bank-lines/{lineId}/contribution")
    RecordedStep bookContribution(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                              @PathVariable BankLineId lineId, @Valid @RequestBody ContributionFromLine body,
                              @AuthenticationPrincipal Login me) {
        return reconciliations.bookContribution(me, communityId, initiativeId, lineId, body);
    }

    @PostMapping("/bank-lines/{lineId}/expense")
    RecordedStep bookExpense(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                         @PathVariable BankLineId lineId, @Valid @RequestBody ExpenseFromLine body,
                         @AuthenticationPrincipal Login me) {
        return reconciliations.bookExpense(me, communityId, initiativeId, lineId, body);
    }

    @PostMapping("/bank-lines/{lineId}/claim-payment")
    RecordedStep bookClaimPayment(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                              @PathVariable BankLineId lineId, @Valid @RequestBody ClaimPaymentFromLine body,
                              @AuthenticationPrincipal Login me) {
        return reconciliations.bookClaimPayment(me, communityId, initiativeId, lineId, body);
    }

    @GetMapping("/period-closes")
    List<CloseView> closes(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                           @AuthenticationPrincipal Login me) {
        return reconciliations.closes(me, communityId, initiativeId);
    }

    @PostMapping("/period-closes")
    RecordedStep close(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                   @Valid @RequestBody PeriodClose body, @AuthenticationPrincipal Login me) {
        return reconciliations.close(me, communityId, initiativeId, body);
    }

    @PostMapping("/period-closes/{closeId}/reopening")
    RecordedStep reopen(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                    @PathVariable CommandId closeId, @Valid @RequestBody PeriodReopening body, @AuthenticationPrincipal Login me) {
        return reconciliations.reopen(me, communityId, initiativeId, closeId, body);
    }
}
