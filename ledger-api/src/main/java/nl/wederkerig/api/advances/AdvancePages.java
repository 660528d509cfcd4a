package nl.wederkerig.api.advances;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.advances.AdvanceRequests.Confirm;
import nl.wederkerig.api.advances.AdvanceRequests.Dispute;
import nl.wederkerig.api.advances.AdvanceRequests.Make;
import nl.wederkerig.api.advances.AdvanceRequests.Reimburse;
import nl.wederkerig.api.advances.AdvanceRequests.ReimbursementReversal;
import nl.wederkerig.api.advances.AdvanceRequests.Step;
import nl.wederkerig.api.community.Helpers;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.BackHome;
import nl.wederkerig.api.platform.web.pages.ReadYourWrite;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.api.platform.web.pages.TypedInput;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.DisputeReason;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.RuleViolation;
import nl.wederkerig.projections.balances.AdvanceStep;
import nl.wederkerig.projections.balances.AdvanceView;
import nl.wederkerig.projections.balances.ReimbursementView;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Advances in the browser: make one, see each with its whole history, and take the next step
 * (acknowledge or dispute, reimburse, confirm receipt, forgive, cancel, reverse a reimbursement).
 * Every step calls {@link Advances}, the same use case as the API; the advance itself decides who
 * may take which step. Each form carries a command id made when the page was written, so sending
 * it twice records once; after a step the browser is sent to the advance (post, redirect, get).
 */
@Controller
class AdvancePages {

    static final String LIST = "/advances";
    /** Fields of the make form; the step forms' fields are named after their step. */
    static final Set<String> AMOUNT_CODES = Set.of("amount-not-positive", "amount-too-large", "over-reimbursement",
            "wrong-currency", "unsupported-currency");

    private final Advances advances;
    private final Helpers helpers;
    private final BusinessDay day;
    private final MessageSource texts;

    AdvancePages(Advances advances, Helpers helpers, BusinessDay day, MessageSource texts) {
        this.advances = advances;
        this.helpers = helpers;
        this.day = day;
        this.texts = texts;
    }

    /** A line in the list of my advances. */
    record Line(String id, String heading, String amount, String outstanding, String status, String madeOn) {
    }

    /** One step of the history in words. */
    record StepLine(String date, String sentence, String outstandingAfter) {
    }

    /** A reimbursement the lender can confirm, or either party reverse. */
    record Payment(String id, String amount, String paidOn, boolean confirmed, boolean reversed, String commandId) {

        boolean reversible() {
            return !confirmed && !reversed;
        }
    }

    @GetMapping(LIST)
    String list(@AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale, Model model) {
        List<AdvanceView> mine = advances.mine(me);
        return makeForm(new FormErrors(texts, locale), "adv-" + UUID.randomUUID(), "", "", "", Purpose.GROCERIES.name(),
                day.today().toString(), mine, me, csrf, locale, model);
    }

    @PostMapping(LIST)
    String make(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String commandId,
                @RequestParam(defaultValue = "") String onBehalfOf,
                @RequestParam(defaultValue = "") String borrower, @RequestParam(defaultValue = "") String amount,
                @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String date,
                CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        AdvanceId advance = errors.read(FormErrors.GENERAL, commandId, AdvanceId::of, "form.stale");
        MemberId who = errors.read("borrower", borrower.toLowerCase(Locale.ROOT), MemberId::of, "advance.borrower.invalid");
        Money money = errors.read("amount", amount, TypedInput::euros, "advance.amount.invalid");
        Purpose what = errors.read("purpose", purpose, Purpose::valueOf, "advance.purpose.invalid");
        LocalDate on = errors.read("date", date, TypedInput::date, "advance.date.invalid");
        // Empty: the neighbour advanced the money themselves; otherwise whom they record it for.
        MemberId lender = onBehalfOf.isBlank() ? null
                : errors.read("onBehalfOf", onBehalfOf, MemberId::of, "onbehalf.invalid");
        if (!errors.any()) {
            try {
                advances.make(me, me.communityId(), new Make(advance, who, money, what, on, lender));
                awaitStep(me, advance, "made");
                return "redirect:" + LIST + "/" + advance.value() + "?done=made";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> switch (code) {
                    case "self-advance", "unknown-member", "advance-limit-exceeded" -> "borrower";
                    case "actor-not-allowed" -> "onBehalfOf";
                    case "business-date-out-of-range" -> "date";
                    default -> AMOUNT_CODES.contains(code) ? "amount" : null;
                });
                replaced(errors, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return makeForm(errors, commandId, onBehalfOf, borrower, amount, purpose, date, advances.mine(me), me, csrf, locale,
                model);
    }

    private String makeForm(FormErrors errors, String commandId, String onBehalfOf, String borrower, String amount,
                            String purpose, String date, List<AdvanceView> mine, Login me, CsrfToken csrf, Locale locale,
                            Model model) {
        Tokens.makeNow(csrf);
        model.addAttribute("onBehalfOf", onBehalfOf);
        model.addAttribute("representable", representable(me, onBehalfOf, locale));
        Figures figures = new Figures(locale);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("commandId", commandId);
        model.addAttribute("borrower", borrower);
        model.addAttribute("amount", amount);
        model.addAttribute("purpose", purpose);
        model.addAttribute("date", date);
        model.addAttribute("purposes", choices(Purpose.values(), "purpose.", locale));
        model.addAttribute("lines", mine.stream().map(view -> line(view, me.memberId(), figures, locale)).toList());
        return "advances";
    }

    @GetMapping(LIST + "/{advanceId}")
    String show(@AuthenticationPrincipal Login me, @PathVariable String advanceId, @RequestParam(required = false) String done,
                CsrfToken csrf, Locale locale, Model model) {
        AdvanceHistory history = advances.history(me, me.communityId(), AdvanceId.of(advanceId));
        if (done != null && done.matches("[a-z]{1,16}")) {
            model.addAttribute("done", texts.getMessage("advance.done." + done, null, "", locale));
        }
        return detail(history, new FormErrors(texts, locale), Map.of(), me, csrf, locale, model);
    }

    @PostMapping(LIST + "/{advanceId}/acknowledgement")
    String acknowledge(@AuthenticationPrincipal Login me, @PathVariable String advanceId,
                       @RequestParam(defaultValue = "") String commandId, @RequestParam(defaultValue = "") String back,
                       CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        String outcome = step(me, advanceId, "acknowledged", "acknowledge", commandId, Map.of(), locale, csrf, model, response,
                (command, errors) -> advances.acknowledge(me, me.communityId(), AdvanceId.of(advanceId), new Step(command, null)));
        return home(back, outcome, advanceId, advanceId, "acknowledged", response);
    }

    /** From "Voor jou" with htmx: back to the overview (see {@link BackHome}); otherwise the step's outcome. */
    private static String home(String back, String outcome, String answered, String advanceId, String done,
                               HttpServletResponse response) {
        String advance = AdvanceId.of(advanceId).value();
        if (!outcome.startsWith("redirect:")) {
            BackHome.refused(back, response, LIST + "/" + advance);
            return outcome;
        }
        return BackHome.after(back, outcome, answered, done, advance);
    }

    @PostMapping(LIST + "/{advanceId}/dispute")
    String dispute(@AuthenticationPrincipal Login me, @PathVariable String advanceId, @RequestParam(defaultValue = "") String commandId,
                   @RequestParam(defaultValue = "") String disputeReason, CsrfToken csrf, Locale locale, Model model,
                   HttpServletResponse response) {
        return step(me, advanceId, "disputed", "dispute", commandId, Map.of("disputeReason", disputeReason), locale, csrf, model,
                response, (command, errors) -> {
                    DisputeReason reason = errors.read("disputeReason", disputeReason, DisputeReason::valueOf, "advance.reason.invalid");
                    return errors.any() ? null
                            : advances.dispute(me, me.communityId(), AdvanceId.of(advanceId), new Dispute(command, reason, null));
                });
    }

    @PostMapping(LIST + "/{advanceId}/reimbursement")
    String reimburse(@AuthenticationPrincipal Login me, @PathVariable String advanceId, @RequestParam(defaultValue = "") String commandId,
                     @RequestParam(defaultValue = "") String reimburseAmount, CsrfToken csrf, Locale locale, Model model,
                     HttpServletResponse response) {
        return step(me, advanceId, "reimbursed", "reimburse", commandId, Map.of("reimburseAmount", reimburseAmount), locale, csrf,
                model, response, (command, errors) -> {
                    Money amount = errors.read("reimburseAmount", reimburseAmount, TypedInput::euros, "advance.amount.invalid");
                    return errors.any() ? null
                            : advances.reimburse(me, me.communityId(), AdvanceId.of(advanceId), new Reimburse(command, amount, null));
                });
    }

    @PostMapping(LIST + "/{advanceId}/confirmation")
    String confirm(@AuthenticationPrincipal Login me, @PathVariable String advanceId, @RequestParam(defaultValue = "") String commandId,
                   @RequestParam(defaultValue = "") String reimbursementId, @RequestParam(defaultValue = "") String back,
                   CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        String outcome = step(me, advanceId, "confirmed", "confirm-" + reimbursementId, commandId, Map.of(), locale, csrf, model,
                response, (command, errors) -> {
                    CommandId paid = errors.read(FormErrors.GENERAL, reimbursementId, CommandId::of, "form.stale");
                    return errors.any() ? null
                            : advances.confirmReceipt(me, me.communityId(), AdvanceId.of(advanceId), new Confirm(command, paid, null));
                });
        return home(back, outcome, reimbursementId, advanceId, "confirmed", response);
    }

    @PostMapping(LIST + "/{advanceId}/reversal")
    String reverse(@AuthenticationPrincipal Login me, @PathVariable String advanceId, @RequestParam(defaultValue = "") String commandId,
                   @RequestParam(name = "reversalOf", defaultValue = "") String reimbursementId,
                   @RequestParam(defaultValue = "") String reversalReason,
                   CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        return step(me, advanceId, "reversed", "reverse", commandId, Map.of("reversalReason", reversalReason,
                        "reversalOf", reimbursementId), locale, csrf, model, response,
                (command, errors) -> {
                    CommandId paid = errors.read("reversalOf", reimbursementId, CommandId::of, "advance.reversal.which");
                    ReversalReason reason = errors.read("reversalReason", reversalReason, ReversalReason::valueOf,
                            "advance.reason.invalid");
                    return errors.any() ? null : advances.reverseReimbursement(me, me.communityId(), AdvanceId.of(advanceId), paid,
                            new ReimbursementReversal(command, reason, null));
                });
    }

    @PostMapping(LIST + "/{advanceId}/forgiveness")
    String forgive(@AuthenticationPrincipal Login me, @PathVariable String advanceId, @RequestParam(defaultValue = "") String commandId,
                   CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        return step(me, advanceId, "forgiven", "forgive", commandId, Map.of(), locale, csrf, model, response,
                (command, errors) -> advances.forgive(me, me.communityId(), AdvanceId.of(advanceId), new Step(command, null)));
    }

    @PostMapping(LIST + "/{advanceId}/cancellation")
    String cancel(@AuthenticationPrincipal Login me, @PathVariable String advanceId, @RequestParam(defaultValue = "") String commandId,
                  CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        return step(me, advanceId, "cancelled", "cancel", commandId, Map.of(), locale, csrf, model, response,
                (command, errors) -> advances.cancel(me, me.communityId(), AdvanceId.of(advanceId), new Step(command, null)));
    }

    /** Sends one step; null from {@code send} means a field could not be read (already in {@code errors}). */
    interface StepSender {
        AdvanceRequests.Recorded send(CommandId command, FormErrors errors);
    }

    /**
     * One step from the advance's page: read the command id, send, and on success go back to the
     * advance with a message; on a refusal show the advance again with the message beside the
     * field (or above the forms) and what was typed, the same command id in the form that failed.
     */
    private String step(Login me, String advanceId, String done, String form, String commandId, Map<String, String> fields,
                        Locale locale, CsrfToken csrf, Model model, HttpServletResponse response, StepSender sender) {
        FormErrors errors = new FormErrors(texts, locale);
        Map<String, String> typed = new LinkedHashMap<>(fields);
        typed.put(form, commandId);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                if (sender.send(command, errors) != null) {
                    awaitStep(me, AdvanceId.of(advanceId), command.value());
                    return "redirect:" + LIST + "/" + AdvanceId.of(advanceId).value() + "?done=" + done;
                }
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> AMOUNT_CODES.contains(code) ? "reimburseAmount" : null);
                replaced(errors, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return detail(advances.history(me, me.communityId(), AdvanceId.of(advanceId)), errors, typed, me, csrf, locale, model);
    }


    /**
     * The read models follow the events a moment later. The page the browser is sent to next must
     * show the step just taken (or a person would think it failed and try again), so wait for it
     * here, briefly. If it takes longer the page shows the advance as it was, which is still true.
     */
    private void awaitStep(Login me, AdvanceId advance, String stepId) {
        ReadYourWrite.await(() -> {
            try {
                return advances.history(me, me.communityId(), advance).steps().stream().anyMatch(step -> step.stepId().equals(stepId));
            } catch (NotFound notYet) {
                return false; // the advance itself is not in the read model yet
            }
        });
    }

    /** A command id used before for something else is a form sent again from an old page: say so plainly. */
    private static void replaced(FormErrors errors, RuleViolation refused) {
        if ("command-id-reused".equals(refused.code())) {
            errors.messages().remove(FormErrors.GENERAL);
            errors.reject(FormErrors.GENERAL, "form.replayed");
        }
    }

    private String detail(AdvanceHistory history, FormErrors errors, Map<String, String> typed, Login me, CsrfToken csrf,
                          Locale locale, Model model) {
        Tokens.makeNow(csrf);
        Figures figures = new Figures(locale);
        AdvanceView advance = history.advance();
        boolean lender = advance.lender().equals(me.memberId());
        boolean borrower = advance.borrower().equals(me.memberId());
        // Whoever made it on the lender's behalf sees it too, but takes no steps: they are no party.
        MemberId other = lender || !borrower ? advance.borrower() : advance.lender();
        model.addAttribute("borrower", borrower);
        model.addAttribute("party", lender || borrower);
        model.addAttribute("lenderName", advance.lender().value());
        model.addAttribute("recordedBy", recordedBy(advance, me.memberId(), locale));
        model.addAttribute("errors", errors.messages());
        model.addAttribute("typed", typed);
        model.addAttribute("ids", freshIds(typed));
        model.addAttribute("advanceId", advance.advanceId().value());
        model.addAttribute("lender", lender);
        model.addAttribute("other", other.value());
        model.addAttribute("amount", figures.money(advance.amount()));
        model.addAttribute("outstanding", figures.money(advance.outstanding()));
        model.addAttribute("outstandingPlain", advance.outstanding().amount().toPlainString().replace('.', ','));
        model.addAttribute("status", advance.status().name());
        model.addAttribute("madeOn", date(advance.madeOn(), locale));
        model.addAttribute("open", !advance.status().isClosed());
        model.addAttribute("steps", history.steps().stream().map(step -> stepLine(step, advance, me.memberId(), figures, locale)).toList());
        List<Payment> payments = advance.reimbursements().stream().map(paid -> payment(paid, typed, figures, locale)).toList();
        model.addAttribute("payments", payments);
        model.addAttribute("reversible", payments.stream().filter(Payment::reversible).toList());
        model.addAttribute("giro", lender ? null : paymentInstructions(me, advance, figures));
        model.addAttribute("disputeReasons", pick(choices(DisputeReason.values(), "dispute-reason.", locale), locale));
        model.addAttribute("reversalReasons", pick(choices(ReversalReason.values(), "reversal-reason.", locale), locale));
        return "advance";
    }

    /**
     * The "on behalf of" choice of a form that records something: "myself" first, then everyone the
     * neighbour may record for (all members for a coordinator, else those who named them helper).
     * Empty when there is no one (and nothing was chosen), so the page shows no choice at all.
     */
    private Map<String, String> representable(Login me, String chosen, Locale locale) {
        List<MemberId> represented = helpers.representable(me);
        Map<String, String> choices = new LinkedHashMap<>();
        if (!represented.isEmpty() || !chosen.isBlank()) {
            choices.put("", texts.getMessage("onbehalf.myself", null, locale));
            represented.forEach(member -> choices.put(member.value(), member.value()));
            // A choice refused a moment ago (the consent was withdrawn meanwhile) stays on the form,
            // so the refusal is shown beside the field it is about.
            if (!chosen.isBlank()) {
                choices.putIfAbsent(chosen, chosen);
            }
        }
        return choices;
    }

    /** Paying back by bank, as the page shows it: the IBAN in groups of four, the amount in the page's language. */
    record GiroLines(String iban, String accountHolder, String amount, String amountPlain, String reference, String paymentLink) {
    }

    /** The lender's bank details for the borrower; null when there are none to show (none given, erased, nothing owed). */
    private GiroLines paymentInstructions(Login me, AdvanceView advance, Figures figures) {
        if (advance.status().isClosed() || !advance.outstanding().isPositive()) {
            return null;
        }
        try {
            PaymentInstructions giro = advances.paymentInstructions(me, me.communityId(), advance.advanceId());
            return new GiroLines(giro.iban(), giro.accountHolder(), figures.money(giro.amount()),
                    giro.amount().amount().toPlainString().replace('.', ','), giro.reference(), giro.paymentLink());
        } catch (NotFound noDetails) {
            return null;
        }
    }

    /**
     * The GiroCode image of the advance page, for its borrower only (404 to anyone else, as an
     * unknown advance). Not cached: it shows a person's IBAN.
     */
    @GetMapping(value = LIST + "/{advanceId}/girocode.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> giroCode(@AuthenticationPrincipal Login me, @PathVariable String advanceId) {
        byte[] png = advances.giroCodePng(me, me.communityId(), AdvanceId.of(advanceId));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    /** A fresh command id for every form on the page, except the one that just failed: it keeps its own. */
    private static Map<String, String> freshIds(Map<String, String> typed) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String form : List.of("acknowledge", "dispute", "reimburse", "reverse", "forgive", "cancel")) {
            ids.put(form, typed.getOrDefault(form, "step-" + UUID.randomUUID()));
        }
        return ids;
    }

    private Line line(AdvanceView view, MemberId me, Figures figures, Locale locale) {
        boolean lender = view.lender().equals(me);
        String heading = lender ? texts.getMessage("advance.to", new Object[]{view.borrower().value()}, locale)
                : texts.getMessage("advance.from", new Object[]{view.lender().value()}, locale);
        return new Line(view.advanceId().value(), heading, figures.money(view.amount()), figures.money(view.outstanding()),
                texts.getMessage("advance.status." + view.status().name(), null, locale), date(view.madeOn(), locale));
    }

    /**
     * Who made the advance on the lender's behalf, in words for whoever looks: "on your behalf" to the
     * lender (with what to do when it is wrong), "on behalf of" to the others; null when the lender
     * recorded it themselves.
     */
    private String recordedBy(AdvanceView advance, MemberId me, Locale locale) {
        if (advance.recordedBy() == null) {
            return null;
        }
        if (advance.lender().equals(me)) {
            return texts.getMessage("onbehalf.recorded.for-you", new Object[]{advance.recordedBy().value()}, locale);
        }
        if (advance.recordedBy().equals(me)) {
            return texts.getMessage("onbehalf.recorded.by-you", new Object[]{advance.lender().value()}, locale);
        }
        return texts.getMessage("onbehalf.recorded.for", new Object[]{advance.recordedBy().value(), advance.lender().value()},
                locale);
    }

    private StepLine stepLine(AdvanceStep step, AdvanceView advance, MemberId me, Figures figures, Locale locale) {
        // Made on the lender's behalf: the lender advanced the money, the actor only typed it.
        MemberId doer = step.kind() == AdvanceStep.Kind.MADE ? advance.lender() : step.actor();
        String who = doer.equals(me) ? texts.getMessage("advance.you", null, locale) : doer.value();
        String detail = switch (step.kind()) {
            case MADE -> texts.getMessage("purpose." + step.detail(), null, step.detail(), locale);
            case DISPUTED -> texts.getMessage("dispute-reason." + step.detail(), null, step.detail(), locale);
            case REVERSED -> texts.getMessage("reversal-reason." + step.detail(), null, step.detail(), locale);
            default -> step.detail();
        };
        String sentence = texts.getMessage("advance.step." + step.kind().name(),
                new Object[]{who, figures.money(step.amount()), detail}, locale);
        if (!doer.equals(step.actor())) {
            String typist = step.actor().equals(me) ? texts.getMessage("advance.you", null, locale) : step.actor().value();
            sentence = sentence + " " + texts.getMessage("onbehalf.step.recorded-by", new Object[]{typist}, locale);
        }
        return new StepLine(date(step.on(), locale), sentence,
                texts.getMessage("advance.step.after", new Object[]{figures.money(step.outstandingAfter())}, locale));
    }

    private Payment payment(ReimbursementView paid, Map<String, String> typed, Figures figures, Locale locale) {
        String id = paid.reimbursementId().value();
        return new Payment(id, figures.money(paid.amount()), date(paid.paidOn(), locale), paid.receiptConfirmed(),
                paid.reversed(), typed.getOrDefault("confirm-" + id, "step-" + UUID.randomUUID()));
    }

    /** A reason nobody chose yet: the first choice is empty, so sending the form unchanged asks for one. */
    private Map<String, String> pick(Map<String, String> choices, Locale locale) {
        Map<String, String> withEmpty = new LinkedHashMap<>();
        withEmpty.put("", texts.getMessage("form.choose", null, locale));
        withEmpty.putAll(choices);
        return withEmpty;
    }

    private Map<String, String> choices(Enum<?>[] values, String prefix, Locale locale) {
        Map<String, String> choices = new LinkedHashMap<>();
        Arrays.stream(values).forEach(value -> choices.put(value.name(), texts.getMessage(prefix + value.name(), null, locale)));
        return choices;
    }

    static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }
}
