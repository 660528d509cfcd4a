package nl.wederkerig.api.logins;

import nl.wederkerig.api.platform.web.pages.Tokens;

import nl.wederkerig.api.platform.OpenToAnyone;
import nl.wederkerig.api.platform.security.SecurityConfiguration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The log-in form. Spring Security checks what it posts; this only shows it, with a plain message after a failure. */
@Controller
class LoginPages {

    @GetMapping(SecurityConfiguration.LOGIN_PAGE)
    @OpenToAnyone("the log-in form shows nothing of anyone")
    String show(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                @RequestParam(required = false) String expired, @AuthenticationPrincipal Login me,
                CsrfToken csrf, Model model) {
        if (me != null) {
            return "redirect:/";
        }
        Tokens.makeNow(csrf);
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("expired", expired != null);
        return "login";
    }
}
