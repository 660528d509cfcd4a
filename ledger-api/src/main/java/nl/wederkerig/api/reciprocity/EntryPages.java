package nl.wederkerig.api.reciprocity;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.PageNumbers;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.HoursDrawnEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.InKindReturnedEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.MoneyReturnedEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.ReciprocityReversal;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.ServiceDrawnEntry;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.reciprocity.InKindCategory;
import nl.wederkerig.core.reciprocity.PartnerAccount;
import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.RuleViolation;
import nl.wederkerig.projections.reciprocity.EntryView;
import org.springframework.context.MessageSource;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The coordinator records what the wijk gave a partner (hours, services) and what the partner
 * returned (money, in kind), and reverses an entry made in error; one form per kind, each with
 * its own command id, and the latest entries one by one. {@link Reciprocity} decides.
 */
@Controller
class EntryPages {

    static final String PAGE = "coordinator-entries";

    static final Set<String> DONE = Set.of("recorded", "reversed");

    private final Reciprocity reciprocity;
    private final MessageSource texts;

    EntryPages(Reciprocity reciprocity, MessageSource texts) {
        this.reciprocity = reciprocity;
        this.texts = texts;
    }

    /** One entry as listed: what, for which initiative, when, and whether it may still be reversed. */
    record Line(String id, String what, String initiative, String date, boolean reversible, String note,
                String reversalCommand) {
    }

    @GetMapping("/coordinator/partners/{partnerId}/entries")
    String show(@AuthenticationPrincipal Login me, @PathVariable PartnerId partnerId,
                @RequestParam(defaultValue = "") String done, CsrfToken csrf, Locale locale, Model model) {
        Tokens.makeNow(csrf);
        if (DONE.contains(done)) {
            model.addAttribute("done", texts.getMessage("entries.done." + done, null, locale));
        }
        return page(me, partnerId, Map.of(), null, locale, model);
    }

    @PostMapping("/coordinator/partners/{partnerId}/entries/hours")
    String hours(@AuthenticationPrincipal Login me, @PathVariable PartnerId partnerId, @RequestParam Map<String, String> form,
                 CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", form.get("commandId"), CommandId::of, "form.stale");
        InitiativeId initiative = errors.read("hoursInitiative", form.get("hoursInitiative"), InitiativeId::of, "entries.initiative.invalid");
        Hours hours = errors.read("hours", form.get("hours"), PageNumbers::hours, "entries.hours.invalid");
        LocalDate on = date(errors, "hoursDate", form);
        return send(me, partnerId, errors, "hoursInitiative", form, csrf, locale, model, response,
                () -> reciprocity.hoursDrawn(me, me.communityId(), partnerId, new HoursDrawnEntry(command, initiative, hours, on)));
    }

    @PostMapping("/coordinator/partners/{partnerId}/entries/services")
    String services(@AuthenticationPrincipal Login me, @PathVariable PartnerId partnerId, @RequestParam Map<String, String> form,
                    CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", form.get("commandId"), CommandId::of, "form.stale");
        InitiativeId initiative = errors.read("serviceInitiative", form.get("serviceInitiative"), InitiativeId::of, "entries.initiative.invalid");
        ServiceCategory category = errors.read("serviceCategory", form.get("serviceCategory"), ServiceCategory::valueOf, "coordinator.kind.invalid");
        Integer count = errors.read("serviceCount", form.get("serviceCount"), EntryPages::serviceCount, "entries.count.invalid");
        LocalDate on = date(errors, "serviceDate", form);
        return send(me, partnerId, errors, "serviceCount", form, csrf, locale, model, response,
                () -> reciprocity.serviceDrawn(me, me.communityId(), partnerId, new ServiceDrawnEntry(command, initiative, category, count, on)));
    }

    @PostMapping("/coordinator/partners/{partnerId}/entries/money")
    String money(@AuthenticationPrincipal Login me, @PathVariable PartnerId partnerId, @RequestParam Map<String, String> form,
                 CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", form.get("commandId"), CommandId::of, "form.stale");
        InitiativeId initiative = errors.read("moneyInitiative", form.get("moneyInitiative"), InitiativeId::of, "entries.initiative.invalid");
        Money amount = positive(errors, "moneyAmount", form);
        LocalDate on = date(errors, "moneyDate", form);
        return send(me, partnerId, errors, "moneyAmount", form, csrf, locale, model, response,
                () -> reciprocity.moneyReturned(me, me.communityId(), partnerId, new MoneyReturnedEntry(command, initiative, amount, on)));
    }

    @PostMapping("/coordinator/partners/{partnerId}/entries/in-kind")
    String inKind(@AuthenticationPrincipal Login me, @PathVariable PartnerId partnerId, @RequestParam Map<String, String> form,
                  CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", form.get("commandId"), CommandId::of, "form.stale");
        InitiativeId initiative = errors.read("inKindInitiative", form.get("inKindInitiative"), InitiativeId::of, "entries.initiative.invalid");
        InKindCategory category = errors.read("inKindCategory", form.get("inKindCategory"), InKindCategory::valueOf, "coordinator.kind.invalid");
        Money value = positive(errors, "inKindValue", form);
        LocalDate on = date(errors, "inKindDate", form);
        return send(me, partnerId, errors, "inKindValue", form, csrf, locale, model, response,
                () -> reciprocity.inKindReturned(me, me.communityId(), partnerId, new InKindReturnedEntry(command, initiative, category, value, on)));
    }

    /** Reverses one listed entry; the entry stays in the account, the reversal counts on its own date. */
    @PostMapping("/coordinator/partners/{partnerId}/entries/{entryId}/reversal")
    String reverse(@AuthenticationPrincipal Login me, @PathVariable PartnerId partnerId, @PathVariable CommandId entryId,
                   @RequestParam Map<String, String> form, CsrfToken csrf, Locale locale, Model model,
                   HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", form.get("commandId"), CommandId::of, "form.stale");
        ReversalReason reason = errors.read("reason-" + entryId.value(), form.get("reason"), ReversalReason::valueOf,
                "coordinator.kind.invalid");
        if (!errors.any()) {
            try {
                reciprocity.reverse(me, me.communityId(), partnerId, entryId, new ReciprocityReversal(command, reason, null));
                return "redirect:/coordinator/partners/" + partnerId.value() + "/entries?done=reversed";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> "reason-" + entryId.value());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        return page(me, partnerId, Map.of(), errors, locale, model);
    }

    private String send(Login me, PartnerId partner, FormErrors errors, String field, Map<String, String> form,
                        CsrfToken csrf, Locale locale, Model model, HttpServletResponse response, Supplier<?> command) {
        if (!errors.any()) {
            try {
                command.get();
                return "redirect:/coordinator/partners/" + partner.value() + "/entries?done=recorded";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> code.equals("unknown-initiative") ? form.get("form") + "Initiative" : field);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        return page(me, partner, form, errors, locale, model);
    }

    private String page(Login me, PartnerId partner, Map<String, String> typed, FormErrors errors, Locale locale, Model model) {
        EntryBook book = reciprocity.entryBook(me, me.communityId(), partner);
        Figures figures = new Figures(locale);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        model.addAttribute("partnerId", partner.value());
        model.addAttribute("initiatives", book.initiatives().stream().map(InitiativeId::value).toList());
        model.addAttribute("entries", book.entries().stream().map(entry -> line(entry, figures, dates, locale)).toList());
        model.addAttribute("serviceCategories", ServiceCategory.values());
        model.addAttribute("inKindCategories", InKindCategory.values());
        model.addAttribute("reasons", ReversalReason.values());
        Map<String, String> values = new HashMap<>(typed);
        for (String form : List.of("hours", "service", "money", "inKind")) {
            values.putIfAbsent(form + "Command", form + "-" + UUID.randomUUID());
        }
        if (typed.get("commandId") != null && typed.get("form") != null) {
            values.put(typed.get("form") + "Command", typed.get("commandId"));
        }
        model.addAttribute("typed", values);
        model.addAttribute("errors", errors == null ? null : errors.messages());
        return PAGE;
    }

    private Line line(EntryView entry, Figures figures, DateTimeFormatter dates, Locale locale) {
        String amount = switch (entry.kind()) {
            case "HOURS" -> figures.hours(entry.minutes());
            case "SERVICE" -> entry.serviceCount() + " × " + texts.getMessage("partner.service." + entry.category(), null, locale);
            case "MONEY" -> figures.money(entry.amount());
            default -> figures.money(entry.amount()) + " " + texts.getMessage("entries.in-kind." + entry.category(), null, locale);
        };
        String what = texts.getMessage("entries.kind." + entry.kind(), new Object[] {amount}, locale);
        String note = entry.reversal() ? texts.getMessage("entries.is-reversal", null, locale)
                : entry.reversed() ? texts.getMessage("entries.was-reversed", null, locale) : null;
        return new Line(entry.entryId(), what, entry.initiativeId().value(), dates.format(entry.businessDate()),
                !entry.reversal() && !entry.reversed(), note, "reversal-" + UUID.randomUUID());
    }

    private static LocalDate date(FormErrors errors, String field, Map<String, String> form) {
        String raw = form.get(field);
        return raw == null || raw.isBlank() ? null : errors.read(field, raw, PageNumbers::date, "partner.date.invalid");
    }

    private static Money positive(FormErrors errors, String field, Map<String, String> form) {
        Money amount = errors.read(field, form.get(field), PageNumbers::euros, "coordinator.amount.invalid");
        if (amount != null && !amount.isPositive()) {
            errors.reject(field, "coordinator.amount.invalid");
            return null;
        }
        return amount;
    }

    private static Integer serviceCount(String raw) {
        int count = Integer.parseInt(raw.strip());
        if (count < 1 || count > PartnerAccount.MAX_SERVICE_COUNT) {
            throw new IllegalArgumentException("out of range: " + raw);
        }
        return count;
    }
}
