package nl.wederkerig.api.trust;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.ReadYourWrite;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.api.trust.TrustRequests.SharingConsent;
import nl.wederkerig.api.trust.TrustRequests.SharingWithdrawal;
import nl.wederkerig.api.trust.TrustRequests.TrustSharing;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;
import nl.wederkerig.projections.trust.AdvanceSide;
import nl.wederkerig.projections.trust.TrustHistory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * "Mijn geschiedenis": the neighbour's trust history in words (the same figures as the API, a
 * history and not a score), whom they share it with (each with a button to stop), sharing it with
 * one more neighbour, and the histories others share with them. {@link Trust} decides.
 */
@Controller
class TrustPages {

    static final String PAGE = "/history";

    private final Trust trust;
    private final MessageSource texts;

    TrustPages(Trust trust, MessageSource texts) {
        this.trust = trust;
        this.texts = texts;
    }

    /** A viewer of my history, with the command id of the button that stops sharing with them. */
    record Viewer(String who, String commandId) {
    }

    @GetMapping(PAGE)
    String mine(@AuthenticationPrincipal Login me, @RequestParam(required = false) String done, CsrfToken csrf, Locale locale,
                Model model) {
        TrustHistory history = trust.of(me, me.communityId(), me.memberId());
        if (done != null && done.matches("[a-z]{1,16}")) {
            model.addAttribute("done", texts.getMessage("history.done." + done, null, "", locale));
        }
        return page(history, trust.sharing(me, me.communityId(), me.memberId()), new FormErrors(texts, locale),
                "share-" + UUID.randomUUID(), "", csrf, locale, model);
    }

    /** Another neighbour's history, only when they share it with me; otherwise it is not there (404). */
    @GetMapping(PAGE + "/{member}")
    String theirs(@AuthenticationPrincipal Login me, @PathVariable String member, Locale locale, Model model) {
        MemberId subject = MemberId.of(member);
        TrustHistory history;
        try {
            history = trust.of(me, me.communityId(), subject);
        } catch (AccessDeniedException notShared) {
            // Whether this neighbour exists is not the asker's business: the same answer as for nobody.
            throw new NotFound("no history of " + member + " shared with you");
        }
        model.addAttribute("subject", subject.value());
        model.addAttribute("lines", lines(history, locale, false));
        return "history-of";
    }

    @PostMapping(PAGE + "/viewers")
    String share(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String commandId,
                 @RequestParam(defaultValue = "") String viewer, CsrfToken csrf, Locale locale, Model model,
                 HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        MemberId who = errors.read("viewer", viewer.toLowerCase(Locale.ROOT), MemberId::of, "advance.borrower.invalid");
        if (!errors.any()) {
            try {
                trust.share(me, me.communityId(), me.memberId(), new SharingConsent(command, who, null));
                awaitSharing(me, sharing -> sharing.sharedWith().contains(who));
                return "redirect:" + PAGE + "?done=shared";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> switch (code) {
                    case "unknown-member", "self-sharing", "already-shared" -> "viewer";
                    default -> null;
                });
                if ("command-id-reused".equals(refused.code())) {
                    errors.messages().remove(FormErrors.GENERAL);
                    errors.reject(FormErrors.GENERAL, "form.replayed");
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(trust.of(me, me.communityId(), me.memberId()), trust.sharing(me, me.communityId(), me.memberId()), errors,
                commandId, viewer, csrf, locale, model);
    }

    @PostMapping(PAGE + "/viewers/{viewer}/withdrawal")
    String stop(@AuthenticationPrincipal Login me, @PathVariable String viewer, @RequestParam(defaultValue = "") String commandId,
                CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        MemberId who = MemberId.of(viewer);
        if (!errors.any()) {
            try {
                trust.stopSharing(me, me.communityId(), me.memberId(), who, new SharingWithdrawal(command, null));
                awaitSharing(me, sharing -> !sharing.sharedWith().contains(who));
                return "redirect:" + PAGE + "?done=stopped";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(trust.of(me, me.communityId(), me.memberId()), trust.sharing(me, me.communityId(), me.memberId()), errors,
                "share-" + UUID.randomUUID(), "", csrf, locale, model);
    }

    private String page(TrustHistory history, TrustSharing sharing, FormErrors errors, String commandId, String viewer,
                        CsrfToken csrf, Locale locale, Model model) {
        Tokens.makeNow(csrf);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("commandId", commandId);
        model.addAttribute("viewer", viewer);
        model.addAttribute("lines", lines(history, locale, true));
        model.addAttribute("viewers", sharing.sharedWith().stream()
                .map(who -> new Viewer(who.value(), "unshare-" + UUID.randomUUID())).toList());
        model.addAttribute("sharedBy", sharing.sharedBy().stream().map(MemberId::value).toList());
        return "history";
    }

    /** The history as plain sentences, in the order a person would tell it; {@code own} says "you", else "they". */
    private List<String> lines(TrustHistory history, Locale locale, boolean own) {
        Figures figures = new Figures(locale);
        String who = own ? "you" : "they";
        List<String> lines = new ArrayList<>();
        lines.add(side(history.given(), "history." + who + ".gave", figures, locale));
        lines.add(side(history.received(), "history." + who + ".received", figures, locale));
        lines.add(text("history." + who + ".hours", locale, figures.hours(history.helpAndErrands().helpGivenMinutes()),
                figures.hours(history.helpAndErrands().helpReceivedMinutes()), history.helpAndErrands().helpDisputed()));
        lines.add(text("history." + who + ".errands", locale, history.helpAndErrands().errandsDone(),
                history.helpAndErrands().errandsAsked()));
        lines.add(history.firstInteraction() == null ? text("history.none", locale)
                : text("history.neighbours", locale, history.distinctNeighbours(), date(history.firstInteraction(), locale),
                date(history.lastInteraction(), locale)));
        return lines;
    }

    private String side(AdvanceSide side, String key, Figures figures, Locale locale) {
        if (side.count() == 0) {
            return text(key + ".none", locale);
        }
        // Nothing settled yet: no speed to tell, and no sentence about it.
        String speed = side.medianDaysToSettle() == null ? ""
                : text("history.speed", locale, side.medianDaysToSettle(), side.maxDaysToSettle());
        return text(key, locale, side.count(), figures.money(side.total()), side.settled(), speed, side.forgiven(),
                figures.money(side.forgivenTotal()), side.disputed(), side.cancelled()).replace("  ", " ");
    }

    private String text(String key, Locale locale, Object... arguments) {
        return texts.getMessage(key, arguments, locale);
    }

    private static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    /** The consent read model follows a moment later; the next page must show the change just made. */
    private void awaitSharing(Login me, Predicate<TrustSharing> shown) {
        ReadYourWrite.await(() -> shown.test(trust.sharing(me, me.communityId(), me.memberId())));
    }
}
