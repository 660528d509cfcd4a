package nl.wederkerig.api.errands;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.claims.ReceiptFiles;
import nl.wederkerig.api.claims.ReceiptRefused;
import nl.wederkerig.api.errands.ErrandRequests.ErrandChange;
import nl.wederkerig.api.errands.ErrandRequests.ErrandSpending;
import nl.wederkerig.api.errands.ErrandRequests.ErrandStart;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.ReadYourWrite;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.api.platform.web.pages.TooLargeUpload;
import nl.wederkerig.api.platform.web.pages.TypedInput;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.errands.ErrandStatus;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.RuleViolation;
import nl.wederkerig.projections.trust.ErrandView;
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

import java.io.IOException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Errands with entrusted cash in the browser: start one (I ask, or I help), the helper reports what
 * was spent with a photo of the receipt or its number and hands back the change; both see the photo; who holds how much cash now; an
 * overspend shows as the advance it became. {@link Errands} decides, as for the API.
 */
@Controller
class ErrandPages {

    static final String PAGE = "/errands";
    static final Set<String> AMOUNT_CODES = Set.of("amount-not-positive", "amount-too-large", "wrong-currency", "unsupported-currency");

    private final Errands errands;
    private final BusinessDay day;
    private final MessageSource texts;

    ErrandPages(Errands errands, BusinessDay day, MessageSource texts) {
        this.errands = errands;
        this.day = day;
        this.texts = texts;
    }

    /**
     * One errand in words. {@code report} when I am the helper and have not reported yet;
     * {@code change} the change I still hand back (as helper), else null; {@code advanceId} the
     * advance an overspend became; {@code receiptLink} the address of the spending's receipt file, else null.
     */
    record Line(String id, String text, String cash, String status, boolean report, String change, String advanceId,
                String reportId, String changeId, String receiptLink) {
    }

    @GetMapping(PAGE)
    String show(@AuthenticationPrincipal Login me, @RequestParam(required = false) String done,
                @RequestParam(name = TooLargeUpload.PARAMETER, required = false) String upload, CsrfToken csrf, Locale locale,
                Model model) {
        List<ErrandView> mine = errands.mine(me);
        if (done != null && done.matches("[a-z]{1,16}")) {
            model.addAttribute("done", texts.getMessage("errand.done." + done, null, "", locale));
        }
        FormErrors errors = new FormErrors(texts, locale);
        if (TooLargeUpload.VALUE.equals(upload)) {
            // None of the form's fields arrived, not even which errand: the message stands above the forms.
            errors.reject(FormErrors.GENERAL, "errand.receipt-file.too-large");
        }
        return page(mine, errors, Map.of(), me, csrf, locale, model);
    }

    @PostMapping(PAGE)
    String start(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String commandId,
                 @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String other,
                 @RequestParam(defaultValue = "") String entrusted, @RequestParam(defaultValue = "") String purpose,
                 @RequestParam(defaultValue = "") String date, CsrfToken csrf, Locale locale, Model model,
                 HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        ErrandId errand = errors.read(FormErrors.GENERAL, commandId, ErrandId::of, "form.stale");
        Boolean iAsk = errors.read("role", role, typed -> switch (typed) {
            case "asker" -> true;
            case "helper" -> false;
            default -> throw new IllegalArgumentException("no such role");
        }, "errand.role.invalid");
        MemberId who = errors.read("other", other.toLowerCase(Locale.ROOT), MemberId::of, "advance.borrower.invalid");
        Money cash = errors.read("entrusted", entrusted, TypedInput::euros, "advance.amount.invalid");
        Purpose what = errors.read("purpose", purpose, Purpose::valueOf, "advance.purpose.invalid");
        LocalDate on = errors.read("date", date, TypedInput::date, "advance.date.invalid");
        if (!errors.any()) {
            try {
                MemberId asker = iAsk ? me.memberId() : who;
                MemberId helper = iAsk ? who : me.memberId();
                errands.start(me, me.communityId(), new ErrandStart(errand, asker, helper, cash, what, on));
                awaitShown(me, view -> view.errandId().equals(errand));
                return "redirect:" + PAGE + "?done=started";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> switch (code) {
                    case "self-errand", "unknown-member" -> "other";
                    case "business-date-out-of-range" -> "date";
                    default -> AMOUNT_CODES.contains(code) ? "entrusted" : null;
                });
                replayed(errors, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(errands.mine(me), errors, Map.of("commandId", commandId, "role", role, "other", other, "entrusted", entrusted,
                "purpose", purpose, "date", date), me, csrf, locale, model);
    }

    @PostMapping(PAGE + "/{errandId}/spending")
    String report(@AuthenticationPrincipal Login me, @PathVariable String errandId, @RequestParam(defaultValue = "") String commandId,
                  @RequestParam Map<String, String> fields, @RequestParam Map<String, MultipartFile> files, CsrfToken csrf,
                  Locale locale, Model model, HttpServletResponse response) throws IOException {
        FormErrors errors = new FormErrors(texts, locale);
        ErrandId errand = ErrandId.of(errandId);
        // The fields carry the errand's id, so every errand's form on the page has labels of its own.
        String spentField = "spent-" + errand.value();
        String receiptField = "receipt-" + errand.value();
        String fileField = "receipt-file-" + errand.value();
        List<byte[]> photo = List.of();
        try {
            MultipartFile upload = files.get(fileField);
            photo = ReceiptFiles.bytesOf(upload == null ? null : List.of(upload));
        } catch (ReceiptRefused refused) {
            errors.reject(refused, code -> fileField);
        }
        String spent = fields.getOrDefault(spentField, "");
        String receipt = fields.getOrDefault(receiptField, "");
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        Money money = errors.read(spentField, spent, TypedInput::euros, "advance.amount.invalid");
        // The receipt may be left out only when nothing was spent; the errand itself says so.
        ReceiptReference bon = receipt.isBlank() ? null
                : errors.read(receiptField, receipt, ReceiptReference::of, "errand.receipt.invalid");
        if (!errors.any()) {
            try {
                errands.reportSpendingWithReceipt(me, me.communityId(), errand, new ErrandSpending(command, money, bon, null), photo);
                awaitShown(me, view -> view.errandId().equals(errand) && view.status() != ErrandStatus.STARTED);
                return "redirect:" + PAGE + "?done=reported";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> switch (code) {
                    case "receipt-missing" -> receiptField;
                    default -> AMOUNT_CODES.contains(code) ? spentField
                            : code.startsWith("receipt-") || code.equals("too-many-receipts") ? fileField : null;
                });
                replayed(errors, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(errands.mine(me), errors, Map.of(spentField, spent, receiptField, receipt, "report-" + errand.value(), commandId),
                me, csrf, locale, model);
    }

    @PostMapping(PAGE + "/{errandId}/change")
    String change(@AuthenticationPrincipal Login me, @PathVariable String errandId, @RequestParam(defaultValue = "") String commandId,
                  @RequestParam(defaultValue = "") String amount, CsrfToken csrf, Locale locale, Model model,
                  HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        ErrandId errand = ErrandId.of(errandId);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        Money money = errors.read(FormErrors.GENERAL, amount, TypedInput::euros, "advance.amount.invalid");
        if (!errors.any()) {
            try {
                errands.returnChange(me, me.communityId(), errand, new ErrandChange(command, money, null));
                awaitShown(me, view -> view.errandId().equals(errand) && view.status() == ErrandStatus.DONE);
                return "redirect:" + PAGE + "?done=returned";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
                replayed(errors, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(errands.mine(me), errors, Map.of(), me, csrf, locale, model);
    }

    private String page(List<ErrandView> mine, FormErrors errors, Map<String, String> typed, Login me, CsrfToken csrf,
                        Locale locale, Model model) {
        Tokens.makeNow(csrf);
        Figures figures = new Figures(locale);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("typed", typed);
        model.addAttribute("commandId", typed.getOrDefault("commandId", "errand-" + UUID.randomUUID()));
        model.addAttribute("role", typed.getOrDefault("role", "asker"));
        model.addAttribute("other", typed.getOrDefault("other", ""));
        model.addAttribute("entrusted", typed.getOrDefault("entrusted", ""));
        model.addAttribute("purpose", typed.getOrDefault("purpose", Purpose.GROCERIES.name()));
        model.addAttribute("date", typed.getOrDefault("date", day.today().toString()));
        Map<String, String> purposes = new LinkedHashMap<>();
        for (Purpose purpose : Purpose.values()) {
            purposes.put(purpose.name(), texts.getMessage("purpose." + purpose.name(), null, locale));
        }
        model.addAttribute("purposes", purposes);
        List<Line> lines = new ArrayList<>();
        long iHoldCents = 0;
        long othersHoldCents = 0;
        for (ErrandView view : mine) {
            boolean helper = view.helper().equals(me.memberId());
            long held = view.heldByHelper() == null ? 0 : view.heldByHelper().cents();
            if (helper) {
                iHoldCents += held;
            } else {
                othersHoldCents += held;
            }
            lines.add(line(view, helper, typed, figures, locale,
                    errands.hasReceiptFile(me, view) ? ErrandController.receiptPath(me.communityId(), view.errandId()) : null));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("iHold", figures.money(Money.ofCents(iHoldCents, Money.EUR)));
        model.addAttribute("othersHold", figures.money(Money.ofCents(othersHoldCents, Money.EUR)));
        return "errands";
    }

    private Line line(ErrandView view, boolean helper, Map<String, String> typed, Figures figures, Locale locale,
                      String receiptLink) {
        String on = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(view.startedOn());
        String purpose = view.purpose() == null ? "" : texts.getMessage("purpose." + view.purpose().name(), null, locale);
        String text = texts.getMessage(helper ? "errand.line.helper" : "errand.line.asker",
                new Object[]{helper ? view.asker().value() : view.helper().value(), figures.money(view.entrusted()), on, purpose}, locale);
        String cash = cash(view, helper, figures, locale);
        boolean report = helper && view.status() == ErrandStatus.STARTED;
        String change = helper && view.status() == ErrandStatus.CHANGE_DUE && view.changeDue() != null
                ? view.changeDue().amount().toPlainString() : null;
        String id = view.errandId().value();
        return new Line(id, text, cash, texts.getMessage("errand.status." + view.status().name(), null, locale), report,
                change == null ? null : change, view.overspendAdvanceId() == null ? null : view.overspendAdvanceId().value(),
                typed.getOrDefault("report-" + id, "errand-step-" + UUID.randomUUID()), "errand-step-" + UUID.randomUUID(),
                receiptLink);
    }

    /** Who holds how much of the asker's cash now, and what became of an overspend. */
    private String cash(ErrandView view, boolean helper, Figures figures, Locale locale) {
        if (view.overspent() != null && view.overspent().isPositive()) {
            return texts.getMessage(helper ? "errand.overspent.helper" : "errand.overspent.asker",
                    new Object[]{figures.money(view.overspent()), helper ? view.asker().value() : view.helper().value()}, locale);
        }
        if (view.heldByHelper() == null || view.heldByHelper().isZero()) {
            return texts.getMessage("errand.cash.none", null, locale);
        }
        return texts.getMessage(helper ? "errand.cash.i-hold" : "errand.cash.they-hold",
                new Object[]{figures.money(view.heldByHelper()), helper ? view.asker().value() : view.helper().value()}, locale);
    }

    /** The read model follows a moment later; the next page must show the step just taken. */
    private void awaitShown(Login me, Predicate<ErrandView> shown) {
        ReadYourWrite.await(() -> errands.mine(me).stream().anyMatch(shown));
    }

    private static void replayed(FormErrors errors, RuleViolation refused) {
        if ("command-id-reused".equals(refused.code())) {
            errors.messages().remove(FormErrors.GENERAL);
            errors.reject(FormErrors.GENERAL, "form.replayed");
        }
    }
}
