package nl.wederkerig.api.community;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.community.HelperRequests.HelperConsent;
import nl.wederkerig.api.community.HelperRequests.HelperList;
import nl.wederkerig.api.community.HelperRequests.HelperWithdrawal;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.ReadYourWrite;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * "Mijn account" → who may record for me (issue 12, flow 10): name a neighbour as helper, withdraw
 * one, and see whose helper I am. {@link Helpers} decides; every form carries a command id made
 * when the page was written, so sending it twice records once.
 */
@Controller
class HelperPages {

    static final String PAGE = "/account/helpers";

    private final Helpers helpers;
    private final MessageSource texts;

    HelperPages(Helpers helpers, MessageSource texts) {
        this.helpers = helpers;
        this.texts = texts;
    }

    /** A helper I named, with the command id of the form that withdraws them. */
    record Named(String who, String commandId) {
    }

    @GetMapping(PAGE)
    String show(@AuthenticationPrincipal Login me, @RequestParam(required = false) String done, CsrfToken csrf, Locale locale,
                Model model) {
        if (done != null && done.matches("[a-z]{1,16}")) {
            model.addAttribute("done", texts.getMessage("onbehalf.done." + done, null, "", locale));
        }
        return page(me, new FormErrors(texts, locale), "helper-" + UUID.randomUUID(), "", csrf, model);
    }

    @PostMapping(PAGE)
    String name(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String commandId,
                @RequestParam(defaultValue = "") String helper, CsrfToken csrf, Locale locale, Model model,
                HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        MemberId who = errors.read("helper", helper.toLowerCase(Locale.ROOT), MemberId::of, "advance.borrower.invalid");
        if (!errors.any()) {
            try {
                helpers.name(me, me.communityId(), me.memberId(), new HelperConsent(command, who, null));
                await(me, list -> list.helpers().contains(who));
                return "redirect:" + PAGE + "?done=named";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> switch (code) {
                    case "unknown-member", "self-helper", "already-helper", "limit-reached" -> "helper";
                    default -> null;
                });
                if ("command-id-reused".equals(refused.code())) {
                    errors.messages().remove(FormErrors.GENERAL);
                    errors.reject(FormErrors.GENERAL, "form.replayed");
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(me, errors, commandId, helper, csrf, model);
    }

    @PostMapping(PAGE + "/{helper}/withdrawal")
    String withdraw(@AuthenticationPrincipal Login me, @PathVariable String helper,
                    @RequestParam(defaultValue = "") String commandId, CsrfToken csrf, Locale locale, Model model,
                    HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        MemberId who = errors.read(FormErrors.GENERAL, helper, MemberId::of, "form.stale");
        if (!errors.any()) {
            try {
                helpers.withdraw(me, me.communityId(), me.memberId(), who, new HelperWithdrawal(command, null));
                await(me, list -> !list.helpers().contains(who));
                return "redirect:" + PAGE + "?done=withdrawn";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(me, errors, "helper-" + UUID.randomUUID(), "", csrf, model);
    }

    private String page(Login me, FormErrors errors, String commandId, String helper, CsrfToken csrf, Model model) {
        Tokens.makeNow(csrf);
        HelperList list = helpers.of(me, me.communityId(), me.memberId());
        model.addAttribute("errors", errors.messages());
        model.addAttribute("commandId", commandId);
        model.addAttribute("helper", helper);
        model.addAttribute("named", list.helpers().stream()
                .map(who -> new Named(who.value(), "withdraw-" + UUID.randomUUID())).toList());
        model.addAttribute("representing", list.representing().stream().map(MemberId::value).toList());
        return "helpers";
    }

    /** The read model follows a moment later; the page the browser goes to next must show the change. */
    private void await(Login me, Predicate<HelperList> shown) {
        ReadYourWrite.await(() -> shown.test(helpers.of(me, me.communityId(), me.memberId())));
    }
}
