package nl.wederkerig.api.logins;

import nl.wederkerig.api.platform.web.pages.Tokens;

import nl.wederkerig.api.platform.OpenToAnyone;
import nl.wederkerig.api.platform.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The log-in form. Spring Security checks what it posts; this only shows it, with a plain message after a failure. */
@Controller
class LoginPages {

    private final boolean demo;

    LoginPages(@Value("${wederkerig.demo:false}") boolean demo) {
        this.demo = demo;
    }

    @GetMapping(SecurityConfiguration.LOGIN_PAGE)
    @OpenToAnyone("the log-in form shows nothing of anyone")
    String show(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                @RequestParam(required = false) String expired, @RequestParam(required = false) String locked,
                @RequestParam(required = false) String founded, @RequestParam(required = false) String welcome,
                @RequestParam(required = false) String changed, @AuthenticationPrincipal Login me,
                CsrfToken csrf, Model model) {
        if (me != null) {
            return "redirect:/";
        }
        Tokens.makeNow(csrf);
        model.addAttribute("failed", error != null);
        model.addAttribute("locked", locked != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("expired", expired != null);
        model.addAttribute("founded", founded != null);
        model.addAttribute("changed", changed != null);
        // Only a name as a login could be: it is put back in the name field, never shown as text.
        model.addAttribute("welcome", welcome != null && welcome.matches("[a-z0-9._-]{2,64}") ? welcome : null);
        model.addAttribute("demo", demo);
        return "login";
    }
}
