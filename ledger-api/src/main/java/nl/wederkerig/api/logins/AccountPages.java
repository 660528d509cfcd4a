package nl.wederkerig.api.logins;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.logins.LoginRequests.PasswordChange;
import nl.wederkerig.api.logins.LoginRequests.Redemption;
import nl.wederkerig.api.platform.OpenToAnyone;
import nl.wederkerig.api.platform.security.SecurityConfiguration;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.core.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;
import java.util.Objects;

/**
 * A person's own login in the browser: choosing a password with the code from their letter, and
 * "Mijn account" (change the password, the language). {@link Logins} decides.
 */
@Controller
class AccountPages {

    private final Logins logins;
    private final MessageSource texts;

    AccountPages(Logins logins, MessageSource texts) {
        this.logins = logins;
        this.texts = texts;
    }

    @GetMapping(SecurityConfiguration.INVITATION_PAGE)
    @OpenToAnyone("an empty form; the code in the link is only put back in the field")
    String invitation(@RequestParam(required = false) String code, CsrfToken csrf, Model model) {
        Tokens.makeNow(csrf);
        model.addAttribute("code", code);
        return "invitation";
    }

    @PostMapping(SecurityConfiguration.INVITATION_PAGE)
    String redeem(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String repeat, CsrfToken csrf, Locale locale, Model model,
                  HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        if (code.isBlank()) {
            errors.reject("code", "form.required");
        }
        if (!Objects.equals(password, repeat)) {
            errors.reject("repeat", "password.repeat.different");
        }
        if (!errors.any()) {
            try {
                LoginRequests.Redeemed redeemed = logins.redeem(new Redemption(code, password));
                return "redirect:" + SecurityConfiguration.LOGIN_PAGE + "?welcome=" + redeemed.username();
            } catch (RuleViolation refused) {
                errors.reject(refused, failure -> failure.startsWith("password") ? "password" : "code");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("code", code);
        return "invitation";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal Login me, @RequestParam(required = false) String changed, CsrfToken csrf,
                   Model model) {
        logins.requireOwnAccount(me);
        Tokens.makeNow(csrf);
        model.addAttribute("username", me.username());
        model.addAttribute("member", me.memberId() != null);
        model.addAttribute("changed", changed != null);
        return "account";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String current,
                          @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
                          CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        if (!Objects.equals(password, repeat)) {
            errors.reject("repeat", "password.repeat.different");
        }
        if (!errors.any()) {
            try {
                logins.changePassword(me, new PasswordChange(current, password));
                // The new hash ends this session (as every other of this account): log in again with it.
                return "redirect:" + SecurityConfiguration.LOGIN_PAGE + "?changed";
            } catch (RuleViolation refused) {
                errors.reject(refused, failure -> failure.equals("current-password-wrong") ? "current" : "password");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("username", me.username());
        model.addAttribute("member", me.memberId() != null);
        model.addAttribute("changed", false);
        return "account";
    }
}
