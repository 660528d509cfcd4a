package nl.wederkerig.api.community;

import nl.wederkerig.api.community.CommunityRequests.FirstFounding;
import nl.wederkerig.api.platform.OpenToAnyone;
import nl.wederkerig.api.platform.security.SecurityConfiguration;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.community.CommunityName;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;
import java.util.Objects;

/**
 * "Een wijk beginnen": the first page of a fresh installation. Whoever has the one-time token from
 * the data directory founds the wijk and becomes its coordinator. Gone (404) once that is done.
 */
@Controller
class SetupPages {

    private final Communities communities;
    private final SetupToken setup;
    private final MessageSource texts;

    SetupPages(Communities communities, SetupToken setup, MessageSource texts) {
        this.communities = communities;
        this.setup = setup;
        this.texts = texts;
    }

    @GetMapping(SecurityConfiguration.SETUP_PAGE)
    @OpenToAnyone("shows an empty form, and where the token is, only while nothing is set up")
    String show(CsrfToken csrf, Model model) {
        if (!setup.isOpen()) {
            throw new NotFound("nothing to set up");
        }
        Tokens.makeNow(csrf);
        model.addAttribute("tokenFile", setup.file().toString());
        return "setup";
    }

    @PostMapping(SecurityConfiguration.SETUP_PAGE)
    String found(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String name,
                 @RequestParam(defaultValue = "") String communityId, @RequestParam(defaultValue = "") String coordinator,
                 @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
                 CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommunityName communityName = errors.read("name", name, CommunityName::of, "setup.name.invalid");
        CommunityId id = errors.read("communityId", communityId, CommunityId::of, "setup.community-id.invalid");
        MemberId coordinatorId = errors.read("coordinator", coordinator.toLowerCase(Locale.ROOT), MemberId::of,
                "setup.coordinator.invalid");
        if (token.isBlank()) {
            errors.reject("token", "form.required");
        }
        if (!Objects.equals(password, repeat)) {
            errors.reject("repeat", "password.repeat.different");
        }
        if (!errors.any()) {
            try {
                communities.foundFirst(new FirstFounding(token, id, communityName, coordinatorId, password));
                return "redirect:" + SecurityConfiguration.LOGIN_PAGE + "?founded";
            } catch (AccessDeniedException wrongToken) {
                errors.reject("token", "setup.token.wrong");
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> code.startsWith("password") ? "password"
                        : code.equals("community-id-taken") ? "communityId"
                        : code.equals("username-taken") ? "coordinator" : null);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("tokenFile", setup.file().toString());
        model.addAttribute("name", name);
        model.addAttribute("communityId", communityId);
        model.addAttribute("coordinator", coordinator);
        return "setup";
    }
}
