package nl.wederkerig.api.reconciliation;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.claims.ClaimNoteRefused;
import nl.wederkerig.api.claims.ClaimRequests.ClaimApproval;
import nl.wederkerig.api.claims.ClaimRequests.ClaimPayee;
import nl.wederkerig.api.claims.ClaimRequests.ClaimQuestion;
import nl.wederkerig.api.funds.FundRequests.ClaimPayment;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.api.claims.ClaimRequests.ClaimRejection;
import nl.wederkerig.api.claims.Claims;
import nl.wederkerig.api.claims.ReceiptFiles;
import nl.wederkerig.projections.claims.ClaimView;
import nl.wederkerig.api.funds.AnnualReportView;
import nl.wederkerig.api.funds.AnnualReports;
import nl.wederkerig.api.funds.Funds;
import nl.wederkerig.core.claims.RejectionReason;
import nl.wederkerig.projections.claims.ClaimState;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.BankAccountLink;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.ClaimPaymentFromLine;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.ContributionFromLine;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.ExpenseFromLine;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.MatchConfirmation;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.PeriodClose;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.PeriodReopening;
import nl.wederkerig.api.reconciliation.ReconciliationViews.BankLineView;
import nl.wederkerig.api.reconciliation.ReconciliationViews.LineProposal;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.ReopenReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.RuleViolation;
import nl.wederkerig.projections.funds.InitiativeBalance;
import nl.wederkerig.projections.reconciliation.CloseView;
import nl.wederkerig.projections.reconciliation.ImportNudge;
import nl.wederkerig.projections.reconciliation.ReconciliationStatus;
import nl.wederkerig.projections.reconciliation.StatementSummary;
import nl.wederkerig.statements.StatementFormat;
import nl.wederkerig.statements.StatementReader;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import nl.wederkerig.api.reconciliation.ReconciliationViews.ImportedStatement;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The treasurer's pages of one initiative: the fund and its reconciliation at a glance (link the
 * account, upload a statement, close or reopen a period) and the bank lines to match or book. Plain
 * forms that work without JavaScript; every change is a POST with its CSRF token and a command id
 * made when the form was shown. {@link Reconciliations} and {@link Funds} decide everything.
 */
@Controller
class TreasuryPages {

    static final String PAGE = "/initiatives/{initiativeId}/treasury";

    private final Reconciliations reconciliations;
    private final Funds funds;
    private final Claims claims;
    private final MessageSource texts;
    private final AnnualReports annualReports;

    TreasuryPages(Reconciliations reconciliations, Funds funds, Claims claims, MessageSource texts, AnnualReports annualReports) {
        this.reconciliations = reconciliations;
        this.funds = funds;
        this.claims = claims;
        this.texts = texts;
        this.annualReports = annualReports;
    }

    /**
     * A claim in the queue: to decide (submitted), waiting for the claimant's answer (needs
     * information) or to pay (approved, with the reference the payment names and, for a treasurer,
     * the claimant's IBAN: {@code payeeKnown} false when they stored no payout details).
     */
    record ClaimRow(String id, String claimant, String amount, String category, String receipt, String submittedOn, boolean toDecide,
                    boolean own, String reference, List<String> receiptLinks, boolean waiting, boolean toPay, List<NoteRow> notes,
                    String payeeIban, String payeeHolder, boolean payeeKnown) {
    }

    /** A question about a claim or the claimant's answer, in words. */
    record NoteRow(String label, String text) {
    }

    /** A statement as the overview lists it. */
    record StatementRow(String id, String period, String source, int lines, int newLines, int alreadyImported, String continuity,
                        String closing) {
    }

    /** What an upload did, shown once on the page it leads to. */
    record ImportSummary(int lines, int newLines, int alreadyImported, String continuity) {
    }

    /** A close as the overview lists it, with the id a reopening names. */
    record CloseRow(String id, String period, String balance, String closedBy, boolean inForce, boolean latest, String reopened) {
    }

    /** A proposal on the lines page: what it is, how sure, and what confirming sends. */
    record ProposalRow(String kind, String id, String date, String amount, String what, int score, boolean likely, boolean claim) {
    }

    /** A bank line on the lines page, its text opened, its proposals best first. */
    record LineRow(String id, String date, String amount, boolean moneyIn, String counterparty, String description, String source,
                   List<ProposalRow> proposals) {
    }

    // ---- the overview ----

    @GetMapping(PAGE)
    String overview(@PathVariable InitiativeId initiativeId, @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale,
                    Model model) {
        Tokens.makeNow(csrf);
        fillOverview(me, initiativeId, locale, model);
        model.addAttribute("linkCommandId", fresh("link"));
        model.addAttribute("statementId", fresh("stmt"));
        model.addAttribute("closeCommandId", fresh("close"));
        model.addAttribute("reopenCommandId", fresh("reopen"));
        return "treasury";
    }

    private void fillOverview(Login me, InitiativeId initiative, Locale locale, Model model) {
        Figures figures = new Figures(locale);
        InitiativeBalance balance = funds.balance(me, me.communityId(), initiative, null);
        Optional<ReconciliationStatus> status = reconciliations.statusIfLinked(me, me.communityId(), initiative);
        Reconciliations.BooksRole role = reconciliations.roleIn(me, me.communityId(), initiative);
        model.addAttribute("mayRecord", role == Reconciliations.BooksRole.TREASURER);
        model.addAttribute("mayOversee", role != Reconciliations.BooksRole.AUDITOR);
        model.addAttribute("auditor", role == Reconciliations.BooksRole.AUDITOR);
        model.addAttribute("initiative", initiative.value());
        model.addAttribute("bank", figures.money(balance.bank()));
        model.addAttribute("cashBox", figures.money(balance.cashBox()));
        model.addAttribute("fund", figures.money(balance.fund()));
        addFundBreakdown(me, initiative, locale, model);
        model.addAttribute("linked", status.isPresent());
        status.ifPresent(s -> {
            model.addAttribute("iban", s.iban().value());
            model.addAttribute("asOf", s.asOf() == null ? null : date(s.asOf(), locale));
            model.addAttribute("statementBalance", s.statementClosingBalance() == null ? null : figures.money(s.statementClosingBalance()));
            model.addAttribute("ledgerBalance", figures.money(s.ledgerBankBalance()));
            model.addAttribute("difference", s.difference() == null ? null : figures.money(s.difference()));
            model.addAttribute("agrees", s.difference() != null && s.difference().isZero());
            model.addAttribute("unmatchedLines", s.unmatchedLines());
            model.addAttribute("lastClosed", s.lastClosedPeriodEnd() == null ? null : date(s.lastClosedPeriodEnd(), locale));
            model.addAttribute("suggestedEnd", s.asOf() == null ? "" : s.asOf().toString());
        });
        Optional<ImportNudge> nudge = reconciliations.importNudge(me, me.communityId(), initiative);
        model.addAttribute("lastImported", nudge.map(ImportNudge::lastImportedOn).map(day -> date(day, locale)).orElse(null));
        model.addAttribute("nudge", nudge.map(ImportNudge::due).orElse(false));
        List<StatementSummary> statements = status.isPresent() ? reconciliations.statements(me, me.communityId(), initiative) : List.of();
        model.addAttribute("statements", statements.stream().map(s -> statementRow(s, figures, locale)).toList());
        List<CloseView> closes = status.isPresent() ? reconciliations.closes(me, me.communityId(), initiative) : List.of();
        String latest = closes.stream().filter(CloseView::inForce).findFirst().map(c -> c.closeId().value()).orElse(null);
        model.addAttribute("closes", closes.stream().map(c -> closeRow(c, latest, figures, locale)).toList());
        boolean pays = role == Reconciliations.BooksRole.TREASURER;
        model.addAttribute("claims", claims.queue(me, me.communityId(), initiative).stream()
                .map(c -> claimRow(me, initiative, c, pays, figures, locale)).toList());
        model.addAttribute("channels", nl.wederkerig.core.funds.Channel.values());
        model.addAttribute("rejections", RejectionReason.values());
        model.addAttribute("formats", Arrays.stream(StatementFormat.values()).map(StatementFormat::code).toList());
        model.addAttribute("reasons", ReopenReason.values());
    }

    /** Income by source and expenses by category, this year beside last year, and the annual reports as PDF (fragments/fund-breakdown). */
    private void addFundBreakdown(Login me, InitiativeId initiative, Locale locale, Model model) {
        AnnualReportView breakdown = AnnualReportView.of(annualReports.thisYear(me, me.communityId(), initiative), texts, locale);
        String pdf = "/api/v1/communities/" + me.communityId().value() + "/initiatives/" + initiative.value() + "/annual-report?year=";
        model.addAttribute("breakdown", breakdown);
        model.addAttribute("annualReportUrl", pdf + breakdown.year());
        model.addAttribute("annualReportPreviousUrl", pdf + breakdown.previousYear());
    }

    private ClaimRow claimRow(Login me, InitiativeId initiative, ClaimView c, boolean pays, Figures figures, Locale locale) {
        boolean toPay = c.status() == ClaimState.APPROVED;
        ClaimPayee payee = toPay && pays ? claims.payee(me, me.communityId(), initiative, c.claimId()) : null;
        return new ClaimRow(c.claimId().value(), c.claimant().value(), figures.money(c.amount()), c.category().name(),
                c.receipt().value(), date(c.submittedOn(), locale), c.status() == ClaimState.SUBMITTED, c.claimant().equals(me.memberId()),
                Claims.referenceOf(c.claimId()), receiptLinks(me, initiative, c), c.status() == ClaimState.NEEDS_INFORMATION, toPay,
                notes(me, initiative, c, locale), payee == null ? null : payee.iban(), payee == null ? null : payee.accountHolder(),
                payee != null && payee.iban() != null);
    }

    /** The questions and answers of a claim, each labelled with who asked or answered and when. */
    private List<NoteRow> notes(Login me, InitiativeId initiative, ClaimView c, Locale locale) {
        return claims.notes(me, me.communityId(), initiative, c.claimId()).stream()
                .map(note -> new NoteRow(texts.getMessage("treasury.note." + note.kind().name(), new Object[] {date(note.on(), locale)},
                        locale), note.text() == null ? texts.getMessage("treasury.note.erased", null, locale) : note.text()))
                .toList();
    }

    /** Links to the claim's receipt files (none for a claim with only a till's receipt number). */
    private List<String> receiptLinks(Login me, InitiativeId initiative, ClaimView claim) {
        int files = claims.receiptFiles(me, me.communityId(), initiative, claim);
        return java.util.stream.IntStream.rangeClosed(1, files)
                .mapToObj(n -> ReceiptFiles.path(me.communityId(), initiative, claim.claimId(), n)).toList();
    }

    private StatementRow statementRow(StatementSummary s, Figures figures, Locale locale) {
        return new StatementRow(s.statementId().value(), date(s.from(), locale) + " – " + date(s.to(), locale),
                s.source().name(), s.lines(), s.newLines(), s.alreadyImported(), s.continuity().name().toLowerCase(Locale.ROOT),
                s.closingBalance() == null ? null : figures.money(s.closingBalance()));
    }

    private static CloseRow closeRow(CloseView c, String latest, Figures figures, Locale locale) {
        return new CloseRow(c.closeId().value(), date(c.periodStart(), locale) + " – " + date(c.periodEnd(), locale),
                figures.money(c.bankBalance()), c.closedBy().value(), c.inForce(), c.closeId().value().equals(latest),
                c.reopenedBy() == null ? null : c.reopenedBy().value());
    }

    @PostMapping(PAGE + "/account")
    String link(@PathVariable InitiativeId initiativeId, @RequestParam(defaultValue = "") String commandId,
                @RequestParam(defaultValue = "") String iban, @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale,
                Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        Iban account = errors.read("iban", iban, TreasuryPages::iban, "treasury.iban.invalid");
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                reconciliations.linkAccount(me, me.communityId(), initiativeId, new BankAccountLink(command, account));
                return redirect(initiativeId, "");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> code.startsWith("iban") || code.startsWith("bank-account") ? "iban" : null);
            }
        }
        model.addAttribute("typedIban", iban);
        return overviewAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    /** The statement file from a plain multipart form: it works without JavaScript. */
    @PostMapping(PAGE + "/statements")
    String upload(@PathVariable InitiativeId initiativeId, @RequestParam(defaultValue = "") String statementId,
                  @RequestParam(defaultValue = "") String format, @RequestParam(required = false) MultipartFile file,
                  @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale, Model model, HttpServletResponse response,
                  RedirectAttributes next) throws IOException {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId id = errors.read(FormErrors.GENERAL, statementId, CommandId::of, "form.stale");
        StatementFormat chosen = Arrays.stream(StatementFormat.values()).filter(f -> f.code().equals(format)).findFirst().orElse(null);
        if (chosen == null) {
            errors.reject("format", "treasury.format.required");
        }
        if (file == null || file.isEmpty()) {
            errors.reject("file", "treasury.file.required");
        } else if (file.getSize() > StatementReader.MAX_FILE_BYTES) {
            errors.reject("file", "treasury.file.too-large");
        }
        if (!errors.any()) {
            try {
                ImportedStatement imported = reconciliations.importStatement(me, me.communityId(), initiativeId, id, chosen,
                        file.getBytes());
                // The summary comes from the import's own answer: the read models may be a moment behind.
                next.addFlashAttribute("summary", new ImportSummary(imported.lines(), imported.newLines(), imported.alreadyImported(),
                        imported.continuity()));
                return redirect(initiativeId, "");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> "file");
            }
        }
        return overviewAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    @PostMapping(PAGE + "/closes")
    String close(@PathVariable InitiativeId initiativeId, @RequestParam(defaultValue = "") String commandId,
                 @RequestParam(defaultValue = "") String periodEnd, @AuthenticationPrincipal Login me, CsrfToken csrf,
                 Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        LocalDate end = errors.read("periodEnd", periodEnd, TreasuryPages::day, "treasury.date.invalid");
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                reconciliations.close(me, me.communityId(), initiativeId, new PeriodClose(command, end));
                return redirect(initiativeId, "");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> "periodEnd");
            }
        }
        model.addAttribute("typedEnd", periodEnd);
        return overviewAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    @PostMapping(PAGE + "/closes/{closeId}/reopening")
    String reopen(@PathVariable InitiativeId initiativeId, @PathVariable CommandId closeId,
                  @RequestParam(defaultValue = "") String commandId, @RequestParam(defaultValue = "") String reason,
                  @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        ReopenReason why = errors.read("reason", reason, ReopenReason::valueOf, "treasury.reason.required");
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                reconciliations.reopen(me, me.communityId(), initiativeId, closeId, new PeriodReopening(command, why, null));
                return redirect(initiativeId, "");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> "reason");
            }
        }
        return overviewAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    /** Approves a claim; the claim itself refuses its own claimant (four eyes), and a coordinator unless needed as the second. */
    @PostMapping(PAGE + "/claims/{claimId}/approval")
    String approve(@PathVariable InitiativeId initiativeId, @PathVariable ClaimId claimId,
                   @RequestParam(defaultValue = "") String commandId, @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale,
                   Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                claims.approve(me, me.communityId(), initiativeId, claimId, new ClaimApproval(command, null));
                return redirect(initiativeId, "");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
            }
        }
        return overviewAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    /** Rejects a claim; a reason is required. */
    @PostMapping(PAGE + "/claims/{claimId}/rejection")
    String reject(@PathVariable InitiativeId initiativeId, @PathVariable ClaimId claimId,
                  @RequestParam(defaultValue = "") String commandId, @RequestParam(defaultValue = "") String reason,
                  @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        RejectionReason why = errors.read(FormErrors.GENERAL, reason, RejectionReason::valueOf, "treasury.reason.required");
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                claims.reject(me, me.communityId(), initiativeId, claimId, new ClaimRejection(command, why, null, null));
                return redirect(initiativeId, "");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
            }
        }
        return overviewAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    /** Asks the claimant a question; the question is required and shown beside its field when missing. */
    @PostMapping(PAGE + "/claims/{claimId}/question")
    String ask(@PathVariable InitiativeId initiativeId, @PathVariable ClaimId claimId,
               @RequestParam(defaultValue = "") String commandId, @RequestParam(defaultValue = "") String question,
               @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        String field = "question-" + claimId.value();
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (question.isBlank()) {
            errors.reject(field, "treasury.question.required");
        }
        if (!errors.any()) {
            try {
                claims.requestInformation(me, me.communityId(), initiativeId, claimId, new ClaimQuestion(command, question, null));
                awaitStatus(me, initiativeId, claimId, ClaimState.NEEDS_INFORMATION);
                return redirect(initiativeId, "");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> refused instanceof ClaimNoteRefused ? field : null);
            }
        }
        model.addAttribute("typedQuestions", java.util.Map.of(claimId.value(), question));
        return overviewAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    /**
     * Records an approved claim as paid by hand (a transfer made in the bank's own app, or cash from
     * the box), without a bank line; a bank line naming WDK-&lt;claim id&gt; is matched to it later.
     */
    @PostMapping(PAGE + "/claims/{claimId}/payment")
    String paidByHand(@PathVariable InitiativeId initiativeId, @PathVariable ClaimId claimId,
                      @RequestParam(defaultValue = "") String commandId, @RequestParam(defaultValue = "") String channel,
                      @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        Channel from = errors.read("channel-" + claimId.value(), channel, Channel::valueOf, "treasury.channel.required");
        if (!errors.any()) {
            try {
                funds.payClaim(me, me.communityId(), initiativeId, claimId, new ClaimPayment(command, from, null));
                awaitStatus(me, initiativeId, claimId, ClaimState.PAID);
                return redirect(initiativeId, "");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> "channel-" + claimId.value());
            }
        }
        return overviewAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    /** The queue is a read model a moment behind; the page after a step must show the step. */
    private void awaitStatus(Login me, InitiativeId initiative, ClaimId claim, ClaimState status) {
        nl.wederkerig.api.platform.web.pages.ReadYourWrite.await(() -> claims.all(me, me.communityId(), initiative).stream()
                .anyMatch(c -> c.claimId().equals(claim) && c.status() == status));
    }

    private String overviewAgain(Login me, InitiativeId initiative, FormErrors errors, Locale locale, Model model, CsrfToken csrf,
                                 HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        fillOverview(me, initiative, locale, model);
        model.addAttribute("errors", errors.messages());
        // A fresh id: what failed was not recorded, so the next try is a new command.
        model.addAttribute("linkCommandId", fresh("link"));
        model.addAttribute("statementId", fresh("stmt"));
        model.addAttribute("closeCommandId", fresh("close"));
        model.addAttribute("reopenCommandId", fresh("reopen"));
        return "treasury";
    }

    // ---- the bank lines ----

    @GetMapping(PAGE + "/lines")
    String lines(@PathVariable InitiativeId initiativeId, @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale,
                 Model model) {
        Tokens.makeNow(csrf);
        fillLines(me, initiativeId, locale, model);
        return "treasury-lines";
    }

    private void fillLines(Login me, InitiativeId initiative, Locale locale, Model model) {
        Figures figures = new Figures(locale);
        List<BankLineView> lines = reconciliations.unmatchedLines(me, me.communityId(), initiative);
        model.addAttribute("mayRecord", reconciliations.roleIn(me, me.communityId(), initiative) == Reconciliations.BooksRole.TREASURER);
        model.addAttribute("initiative", initiative.value());
        model.addAttribute("lines", lines.stream().map(line -> lineRow(line, figures, locale)).toList());
        model.addAttribute("sources", ContributionSource.values());
        model.addAttribute("categories", ExpenseCategory.values());
        model.addAttribute("commandId", fresh("step"));
    }

    private LineRow lineRow(BankLineView line, Figures figures, Locale locale) {
        List<ProposalRow> proposals = line.proposals().stream().map(p -> proposalRow(p, figures, locale)).toList();
        return new LineRow(line.lineId().value(), date(line.bookingDate(), locale), figures.money(line.amount()),
                line.amount().isPositive(), line.text().counterpartyName(), line.text().description(), line.text().source(), proposals);
    }

    private ProposalRow proposalRow(LineProposal p, Figures figures, Locale locale) {
        boolean claim = "APPROVED_CLAIM".equals(p.kind());
        String what = p.tag() == null ? "" : texts.getMessage("treasury.tag." + p.tag().split(":")[0], null, p.tag(), locale);
        return new ProposalRow(p.kind(), p.id(), date(p.date(), locale), figures.money(p.bankAmount()), what, p.score(),
                "LIKELY".equals(p.zone()), claim);
    }

    @PostMapping(PAGE + "/lines/match")
    String match(@PathVariable InitiativeId initiativeId, @RequestParam(defaultValue = "") String commandId,
                 @RequestParam(defaultValue = "") String lineId, @RequestParam(defaultValue = "") String entryId,
                 @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        BankLineId line = errors.read(FormErrors.GENERAL, lineId, BankLineId::of, "form.stale");
        CommandId entry = errors.read(FormErrors.GENERAL, entryId, CommandId::of, "form.stale");
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                reconciliations.confirmMatch(me, me.communityId(), initiativeId, new MatchConfirmation(command, List.of(line),
                        List.of(entry)));
                return redirect(initiativeId, "/lines");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
            }
        }
        return linesAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    @PostMapping(PAGE + "/lines/claim")
    String payClaim(@PathVariable InitiativeId initiativeId, @RequestParam(defaultValue = "") String commandId,
                    @RequestParam(defaultValue = "") String lineId, @RequestParam(defaultValue = "") String claimId,
                    @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        BankLineId line = errors.read(FormErrors.GENERAL, lineId, BankLineId::of, "form.stale");
        ClaimId claim = errors.read(FormErrors.GENERAL, claimId, ClaimId::of, "form.stale");
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                reconciliations.bookClaimPayment(me, me.communityId(), initiativeId, line, new ClaimPaymentFromLine(command, claim));
                return redirect(initiativeId, "/lines");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
            }
        }
        return linesAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    /** Books a line in one step: money in as a contribution of {@code source}, money out as an expense of {@code category}. */
    @PostMapping(PAGE + "/lines/book")
    String book(@PathVariable InitiativeId initiativeId, @RequestParam(defaultValue = "") String commandId,
                @RequestParam(defaultValue = "") String lineId, @RequestParam(defaultValue = "") String source,
                @RequestParam(defaultValue = "") String category, @AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale,
                Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        BankLineId line = errors.read(FormErrors.GENERAL, lineId, BankLineId::of, "form.stale");
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                if (!source.isBlank()) {
                    ContributionSource from = errors.read(FormErrors.GENERAL, source, ContributionSource::valueOf, "form.stale");
                    if (from != null) {
                        reconciliations.bookContribution(me, me.communityId(), initiativeId, line,
                                new ContributionFromLine(command, from, null));
                    }
                } else {
                    ExpenseCategory what = errors.read(FormErrors.GENERAL, category, ExpenseCategory::valueOf, "form.stale");
                    if (what != null) {
                        reconciliations.bookExpense(me, me.communityId(), initiativeId, line, new ExpenseFromLine(command, what, null));
                    }
                }
                if (!errors.any()) {
                    return redirect(initiativeId, "/lines");
                }
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
            }
        }
        return linesAgain(me, initiativeId, errors, locale, model, csrf, response);
    }

    private String linesAgain(Login me, InitiativeId initiative, FormErrors errors, Locale locale, Model model, CsrfToken csrf,
                              HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        fillLines(me, initiative, locale, model);
        model.addAttribute("errors", errors.messages());
        return "treasury-lines";
    }

    // ---- small parts ----

    private static String redirect(InitiativeId initiative, String rest) {
        return "redirect:/initiatives/" + initiative.value() + "/treasury" + rest;
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** An IBAN as people type it; a wrong one is unreadable input here, shown beside its field. */
    private static Iban iban(String text) {
        try {
            return Iban.parse(text);
        } catch (nl.wederkerig.core.shared.InvalidIban wrong) {
            throw new IllegalArgumentException("not an IBAN", wrong);
        }
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException unreadable) {
            throw new IllegalArgumentException("not a date", unreadable);
        }
    }

    private static String date(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

}
