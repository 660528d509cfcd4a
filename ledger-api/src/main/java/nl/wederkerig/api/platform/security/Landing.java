package nl.wederkerig.api.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.RoleKind;
import nl.wederkerig.projections.community.Memberships;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;

/**
 * Where a person lands after logging in: the page they asked for, or else the start page of what
 * they do in the wijk. A coordinator lands on the coordinator's pages, a partner's representative
 * on their partner's reciprocity page (a partner has no neighbour's affairs to see), everyone else
 * on their own overview. The site's address itself ("/") counts as asking for no page in particular.
 */
public class Landing extends SavedRequestAwareAuthenticationSuccessHandler {

    public static final String COORDINATOR_START = "/coordinator";

    private final Memberships memberships;
    private final RequestCache requests;

    Landing(Memberships memberships, RequestCache requests) {
        this.memberships = memberships;
        this.requests = requests;
        setRequestCache(requests);
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        SavedRequest saved = requests.getRequest(request, response);
        if (saved != null && isSiteRoot(request, saved)) {
            requests.removeRequest(request, response);
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication.getPrincipal() instanceof Login me) {
            return startOf(me);
        }
        return "/";
    }

    /** The start page of what {@code me} does in their wijk. */
    public String startOf(Login me) {
        var roles = memberships.rolesOf(me.communityId(), me.memberId());
        if (roles.contains(Role.coordinator())) {
            return COORDINATOR_START;
        }
        Optional<Role> represented = roles.stream().filter(role -> role.kind() == RoleKind.PARTNER_REPRESENTATIVE)
                .min(Comparator.comparing(role -> role.partner().value()));
        return represented.map(role -> "/partners/" + role.partner().value()).orElse("/");
    }

    private static boolean isSiteRoot(HttpServletRequest request, SavedRequest saved) {
        String path = java.net.URI.create(saved.getRedirectUrl()).getPath();
        String root = request.getContextPath() + "/";
        return path == null || path.isEmpty() || path.equals(root);
    }
}
