package nl.wederkerig.api.pages;

import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.api.accounts.SecurityConfiguration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The log-in form. Spring Security checks what it posts; this only shows it, with a plain message after a failure. */
@Controller
class LoginPage {

    @GetMapping(SecurityConfiguration.LOGIN_PAGE)
    String show(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                @RequestParam(required = false) String expired, @AuthenticationPrincipal Member me,
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
