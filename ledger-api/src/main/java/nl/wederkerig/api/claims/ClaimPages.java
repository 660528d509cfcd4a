package nl.wederkerig.api.claims;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.claims.ClaimRequests.ClaimAnswer;
import nl.wederkerig.api.claims.ClaimRequests.ClaimNoteText;
import nl.wederkerig.api.claims.ClaimRequests.ClaimWithReceipts;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.projections.claims.ClaimState;
import nl.wederkerig.projections.claims.ClaimStepKind;
import org.springframework.web.bind.annotation.PathVariable;
import nl.wederkerig.api.claims.ClaimRequests.OwnClaim;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.ReadYourWrite;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.api.platform.web.pages.TooLargeUpload;
import nl.wederkerig.api.platform.web.pages.TypedInput;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.RuleViolation;
import nl.wederkerig.projections.claims.ClaimView;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A volunteer's expense claims in the browser: "Declaratie indienen" with photos straight from the
 * phone's camera or PDFs, and "Mijn declaraties" with each claim's status and its receipts. A plain
 * multipart form that works without JavaScript; {@link Claims} decides, as for the API.
 */
@Controller
class ClaimPages {

    static final String PAGE = "/claims";
    static final Set<String> AMOUNT_CODES = Set.of("amount-not-positive", "amount-too-large", "wrong-currency", "unsupported-currency");

    private final Claims claims;
    private final MessageSource texts;

    ClaimPages(Claims claims, MessageSource texts) {
        this.claims = claims;
        this.texts = texts;
    }

    /** One of my claims in words, with a link per receipt file. */
    record Line(String id, String amount, String what, String initiative, String submittedOn, String status, List<String> receipts,
                List<Note> notes, boolean waiting) {
    }

    /** A question about my claim or my answer, in words. */
    record Note(String label, String text) {
    }

    @GetMapping(PAGE)
    String show(@AuthenticationPrincipal Login me, @RequestParam(required = false) String done,
                @RequestParam(name = TooLargeUpload.PARAMETER, required = false) String upload, CsrfToken csrf, Locale locale,
                Model model) {
        if ("submitted".equals(done) || "answered".equals(done)) {
            model.addAttribute("done", texts.getMessage("claims.done." + done, null, locale));
        }
        FormErrors errors = new FormErrors(texts, locale);
        if (TooLargeUpload.VALUE.equals(upload)) {
            errors.reject("receipt", "claims.receipt.too-large");
        }
        return page(errors, Map.of(), me, csrf, locale, model);
    }

    @PostMapping(PAGE)
    String submit(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String commandId,
                  @RequestParam(defaultValue = "") String initiative, @RequestParam(defaultValue = "") String amount,
                  @RequestParam(defaultValue = "") String category,
                  @RequestParam(name = "receipt", required = false) List<MultipartFile> receipt, CsrfToken csrf, Locale locale,
                  Model model, HttpServletResponse response) throws IOException {
        FormErrors errors = new FormErrors(texts, locale);
        ClaimId claim = errors.read(FormErrors.GENERAL, commandId, ClaimId::of, "form.stale");
        InitiativeId forWhom = errors.read("initiative", initiative, InitiativeId::of, "claims.initiative.invalid");
        Money money = errors.read("amount", amount, TypedInput::euros, "advance.amount.invalid");
        ExpenseCategory what = errors.read("category", category, ExpenseCategory::valueOf, "claims.category.invalid");
        List<byte[]> files = List.of();
        try {
            files = ReceiptFiles.bytesOf(receipt);
            if (files.isEmpty()) {
                errors.reject("receipt", "claims.receipt.required");
            }
        } catch (ReceiptRefused refused) {
            errors.reject(refused, code -> "receipt");
        }
        if (!errors.any()) {
            try {
                claims.submitWithReceipts(me, me.communityId(), forWhom, new ClaimWithReceipts(claim, money, what, null), files);
                awaitShown(me, claim);
                return "redirect:" + PAGE + "?done=submitted";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> code.startsWith("receipt") || code.equals("too-many-receipts") ? "receipt"
                        : AMOUNT_CODES.contains(code) ? "amount" : null);
            } catch (nl.wederkerig.api.platform.web.problems.NotFound unknownInitiative) {
                errors.reject("initiative", "claims.initiative.invalid");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        // Files are never sent back to the browser: the form asks for them again.
        return page(errors, Map.of("commandId", commandId, "initiative", initiative, "amount", amount, "category", category),
                me, csrf, locale, model);
    }

    /** The claimant answers the treasurer's question; an empty answer is shown beside its field and nothing is sent. */
    @PostMapping(PAGE + "/{claimId}/answer")
    String answer(@AuthenticationPrincipal Login me, @PathVariable ClaimId claimId, @RequestParam(defaultValue = "") String commandId,
                  @RequestParam(defaultValue = "") String initiative, @RequestParam(defaultValue = "") String answer, CsrfToken csrf,
                  Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        String field = "answer-" + claimId.value();
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        InitiativeId of = errors.read(FormErrors.GENERAL, initiative, InitiativeId::of, "form.stale");
        if (answer.isBlank()) {
            errors.reject(field, "claims.answer.required");
        }
        if (!errors.any()) {
            try {
                claims.provideInformation(me, me.communityId(), of, claimId, new ClaimAnswer(command, answer, null));
                ReadYourWrite.await(() -> claims.mine(me, me.communityId()).stream()
                        .anyMatch(own -> own.claim().claimId().equals(claimId) && own.claim().status() != ClaimState.NEEDS_INFORMATION));
                return "redirect:" + PAGE + "?done=answered";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> refused instanceof ClaimNoteRefused ? field : null);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("typedAnswers", Map.of(claimId.value(), answer));
        return page(errors, Map.of(), me, csrf, locale, model);
    }

    private String page(FormErrors errors, Map<String, String> typed, Login me, CsrfToken csrf, Locale locale, Model model) {
        Tokens.makeNow(csrf);
        Figures figures = new Figures(locale);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("commandId", typed.getOrDefault("commandId", "claim-" + UUID.randomUUID()));
        model.addAttribute("amount", typed.getOrDefault("amount", ""));
        model.addAttribute("initiative", typed.getOrDefault("initiative", ""));
        model.addAttribute("category", typed.getOrDefault("category", ExpenseCategory.VOLUNTEER_EXPENSES.name()));
        Map<String, String> initiatives = new LinkedHashMap<>();
        for (InitiativeId id : claims.initiatives(me, me.communityId())) {
            initiatives.put(id.value(), id.value());
        }
        model.addAttribute("initiatives", initiatives);
        Map<String, String> categories = new LinkedHashMap<>();
        for (ExpenseCategory c : ExpenseCategory.values()) {
            categories.put(c.name(), texts.getMessage("treasury.category." + c.name(), null, locale));
        }
        model.addAttribute("categories", categories);
        model.addAttribute("maxFiles", ReceiptScans.MAX_RECEIPTS_PER_CLAIM);
        List<Line> lines = new ArrayList<>();
        for (OwnClaim own : claims.mine(me, me.communityId())) {
            lines.add(line(me, own, figures, locale));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("answerCommandId", "answer-" + UUID.randomUUID());
        return "claims";
    }

    private Line line(Login me, OwnClaim own, Figures figures, Locale locale) {
        CommunityId community = me.communityId();
        ClaimView c = own.claim();
        List<String> receipts = new ArrayList<>();
        for (int n = 1; n <= own.receiptFiles(); n++) {
            receipts.add(ReceiptFiles.path(community, c.initiativeId(), c.claimId(), n));
        }
        return new Line(c.claimId().value(), figures.money(c.amount()),
                texts.getMessage("treasury.category." + c.category().name(), null, locale), c.initiativeId().value(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(c.submittedOn()),
                texts.getMessage("claims.status." + c.status().name(), null, locale), receipts, notes(me, c, locale),
                c.status() == ClaimState.NEEDS_INFORMATION);
    }

    /** The questions about my claim and my answers, oldest first. */
    private List<Note> notes(Login me, ClaimView c, Locale locale) {
        List<Note> notes = new ArrayList<>();
        for (ClaimNoteText note : claims.notes(me, me.communityId(), c.initiativeId(), c.claimId())) {
            String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(note.on());
            String label = note.kind() == ClaimStepKind.INFORMATION_REQUESTED ? "claims.question" : "claims.answer.given";
            notes.add(new Note(texts.getMessage(label, new Object[] {day}, locale),
                    note.text() == null ? texts.getMessage("claims.note.erased", null, locale) : note.text()));
        }
        return notes;
    }

    /** The read model follows a moment later; the next page must show the claim just sent. */
    private void awaitShown(Login me, ClaimId claim) {
        ReadYourWrite.await(() -> claims.mine(me, me.communityId()).stream().anyMatch(own -> own.claim().claimId().equals(claim)));
    }
}
