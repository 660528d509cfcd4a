package nl.wederkerig.api.platform.security;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.logins.LoginStore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A browser session ends as soon as its account changes: a new password (or reset), a disabled or
 * removed account. Without this a session would outlive a password change for as long as it is
 * used, while HTTP Basic (see {@link VerifiedCredentialsCache}) notices the change at once. Costs
 * one indexed account lookup per request that carries a logged-in session.
 */
final class LoggedInAccountCheck extends OncePerRequestFilter {

    private final LoginStore accounts;

    LoggedInAccountCheck(LoginStore accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && user != null && user.getPrincipal() instanceof Login member && !unchanged(member)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean unchanged(Login loggedIn) {
        Login now;
        try {
            now = accounts.loadUserByUsername(loggedIn.username());
        } catch (UsernameNotFoundException gone) {
            return false;
        }
        return now.isEnabled() && now.memberId().equals(loggedIn.memberId()) && now.communityId().equals(loggedIn.communityId())
                && MessageDigest.isEqual(now.passwordHash().getBytes(StandardCharsets.UTF_8),
                loggedIn.passwordHash().getBytes(StandardCharsets.UTF_8));
    }
}
