package nl.wederkerig.api.help;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.help.HelpRequests.HelpConfirmation;
import nl.wederkerig.api.help.HelpRequests.HelpDispute;
import nl.wederkerig.api.help.HelpRequests.HelpGiven;
import nl.wederkerig.api.community.Helpers;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.platform.web.pages.BackHome;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.ReadYourWrite;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.api.platform.web.pages.TypedInput;
import nl.wederkerig.core.help.HelpDisputeReason;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpStatus;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;
import nl.wederkerig.projections.trust.HelpView;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Help in hours in the browser: record help given, confirm or dispute help received. Hours are
 * never shown as something owed: nobody has to give hours back. {@link Help} decides, as for the API.
 */
@Controller
class HelpPages {

    static final String PAGE = "/help";

    private final Help help;
    private final Helpers helpers;
    private final BusinessDay day;
    private final MessageSource texts;

    HelpPages(Help help, Helpers helpers, BusinessDay day, MessageSource texts) {
        this.help = help;
        this.helpers = helpers;
        this.day = day;
        this.texts = texts;
    }

    /** The "on behalf of" choice: "myself", then whom the neighbour may record for; empty when nobody and nothing chosen. */
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

    /** One record in words; {@code answerable} when it waits for my answer, with the ids its two forms send. */
    record Line(String id, String text, String status, boolean answerable, String confirmId, String disputeId) {
    }

    @GetMapping(PAGE)
    String show(@AuthenticationPrincipal Login me, @RequestParam(required = false) String done, CsrfToken csrf, Locale locale,
                Model model) {
        List<HelpView> mine = help.mine(me);
        if (done != null && done.matches("[a-z]{1,16}")) {
            model.addAttribute("done", texts.getMessage("help.done." + done, null, "", locale));
        }
        return page(mine, new FormErrors(texts, locale), Map.of(), me, csrf, locale, model);
    }

    @PostMapping(PAGE)
    String record(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String commandId,
                  @RequestParam(defaultValue = "") String onBehalfOf,
                  @RequestParam(defaultValue = "") String receiver, @RequestParam(defaultValue = "") String hours,
                  @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String date,
                  CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        HelpId record = errors.read(FormErrors.GENERAL, commandId, HelpId::of, "form.stale");
        MemberId who = errors.read("receiver", receiver.toLowerCase(Locale.ROOT), MemberId::of, "advance.borrower.invalid");
        Hours time = errors.read("hours", hours, typed -> Hours.ofMinutes(TypedInput.minutes(typed)), "help.hours.invalid");
        HelpKind what = errors.read("kind", kind, HelpKind::valueOf, "help.kind.invalid");
        LocalDate on = errors.read("date", date, TypedInput::date, "advance.date.invalid");
        // Empty: the neighbour helped themselves; otherwise whom they record the help for.
        MemberId helper = onBehalfOf.isBlank() ? null
                : errors.read("onBehalfOf", onBehalfOf, MemberId::of, "onbehalf.invalid");
        if (!errors.any()) {
            try {
                help.record(me, me.communityId(), new HelpGiven(record, who, time, what, on, helper));
                if (helper != null) {
                    // Not in the recorder's own list: it is the helper's and the receiver's help.
                    return "redirect:" + PAGE + "?done=recordedfor";
                }
                awaitShown(me, view -> view.helpId().equals(record));
                return "redirect:" + PAGE + "?done=recorded";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> switch (code) {
                    case "self-help", "unknown-member" -> "receiver";
                    case "actor-not-allowed" -> "onBehalfOf";
                    case "hours-not-positive" -> "hours";
                    case "business-date-out-of-range" -> "date";
                    default -> null;
                });
                replayed(errors, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(help.mine(me), errors, Map.of("commandId", commandId, "onBehalfOf", onBehalfOf, "receiver", receiver,
                "hours", hours, "kind", kind, "date", date), me, csrf, locale, model);
    }

    @PostMapping(PAGE + "/{helpId}/confirmation")
    String confirm(@AuthenticationPrincipal Login me, @PathVariable String helpId, @RequestParam(defaultValue = "") String commandId,
                   @RequestParam(defaultValue = "") String back, CsrfToken csrf, Locale locale, Model model,
                   HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                HelpId record = HelpId.of(helpId);
                help.confirm(me, me.communityId(), record, new HelpConfirmation(command, null));
                awaitShown(me, view -> view.helpId().equals(record) && view.status() != HelpStatus.RECORDED);
                return BackHome.after(back, "redirect:" + PAGE + "?done=confirmed", record.value(), "help-confirmed", null);
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
                replayed(errors, refused);
            }
        }
        BackHome.refused(back, response, PAGE);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(help.mine(me), errors, Map.of(), me, csrf, locale, model);
    }

    @PostMapping(PAGE + "/{helpId}/dispute")
    String dispute(@AuthenticationPrincipal Login me, @PathVariable String helpId, @RequestParam(defaultValue = "") String commandId,
                   @RequestParam(defaultValue = "") String reason, CsrfToken csrf, Locale locale, Model model,
                   HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        HelpId record = HelpId.of(helpId);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        HelpDisputeReason why = errors.read("reason-" + record.value(), reason, HelpDisputeReason::valueOf, "advance.reason.invalid");
        if (!errors.any()) {
            try {
                help.dispute(me, me.communityId(), record, new HelpDispute(command, why, null));
                awaitShown(me, view -> view.helpId().equals(record) && view.status() != HelpStatus.RECORDED);
                return "redirect:" + PAGE + "?done=disputed";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
                replayed(errors, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(help.mine(me), errors, Map.of("disputeOf", record.value(), "reason", reason), me, csrf, locale, model);
    }

    private String page(List<HelpView> mine, FormErrors errors, Map<String, String> typed, Login me, CsrfToken csrf, Locale locale,
                        Model model) {
        Tokens.makeNow(csrf);
        Figures figures = new Figures(locale);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("commandId", typed.getOrDefault("commandId", "help-" + UUID.randomUUID()));
        model.addAttribute("receiver", typed.getOrDefault("receiver", ""));
        model.addAttribute("onBehalfOf", typed.getOrDefault("onBehalfOf", ""));
        model.addAttribute("representable", representable(me, typed.getOrDefault("onBehalfOf", ""), locale));
        model.addAttribute("hours", typed.getOrDefault("hours", ""));
        model.addAttribute("kind", typed.getOrDefault("kind", HelpKind.COMPANY.name()));
        model.addAttribute("date", typed.getOrDefault("date", day.today().toString()));
        model.addAttribute("typedReason", typed.get("reason"));
        model.addAttribute("kinds", choices(HelpKind.values(), "help-kind.", locale, false));
        model.addAttribute("reasons", choices(HelpDisputeReason.values(), "help-dispute-reason.", locale, true));
        model.addAttribute("lines", mine.stream().map(view -> line(view, me.memberId(), figures, locale)).toList());
        return "help";
    }

    private Line line(HelpView view, MemberId me, Figures figures, Locale locale) {
        boolean gave = view.helper().equals(me);
        String on = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(view.givenOn());
        String kind = view.kind() == null ? "" : texts.getMessage("help-kind." + view.kind().name(), null, locale);
        String text = texts.getMessage(gave ? "help.line.gave" : "help.line.received",
                new Object[]{gave ? view.receiver().value() : view.helper().value(), figures.hours(view.minutes()), on, kind}, locale);
        if (view.recordedBy() != null) {
            // Recorded on the helper's behalf: say by whom, so the helper can see it and say it is wrong.
            text = text + " " + (gave ? texts.getMessage("onbehalf.recorded.help.for-you", new Object[]{view.recordedBy().value()}, locale)
                    : texts.getMessage("onbehalf.recorded.for", new Object[]{view.recordedBy().value(), view.helper().value()}, locale));
        }
        boolean answerable = !gave && view.status() == HelpStatus.RECORDED;
        return new Line(view.helpId().value(), text, texts.getMessage("help.status." + view.status().name(), null, locale),
                answerable, "help-step-" + UUID.randomUUID(), "help-step-" + UUID.randomUUID());
    }

    /** The read model follows a moment later; the page the browser goes to next must show the step just taken. */
    private void awaitShown(Login me, Predicate<HelpView> shown) {
        ReadYourWrite.await(() -> help.mine(me).stream().anyMatch(shown));
    }

    private static void replayed(FormErrors errors, RuleViolation refused) {
        if ("command-id-reused".equals(refused.code())) {
            errors.messages().remove(FormErrors.GENERAL);
            errors.reject(FormErrors.GENERAL, "form.replayed");
        }
    }

    private Map<String, String> choices(Enum<?>[] values, String prefix, Locale locale, boolean emptyFirst) {
        Map<String, String> choices = new LinkedHashMap<>();
        if (emptyFirst) {
            choices.put("", texts.getMessage("form.choose", null, locale));
        }
        Arrays.stream(values).forEach(value -> choices.put(value.name(), texts.getMessage(prefix + value.name(), null, locale)));
        return choices;
    }
}
