package nl.wederkerig.api.platform.security;

import nl.wederkerig.api.platform.web.problems.ProblemResponses;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Not logged in (401) and not allowed (403) as problem details, like every other error, written
 * by the security filters before any controller runs.
 *
 * <p>A 401 asks for HTTP Basic ({@code WWW-Authenticate}) only from clients that are not browsers.
 * A browser that gets that header shows its own log-in prompt and then sends the typed password
 * with every later request to this site, cross-site form posts included, where no CSRF token
 * protects it. Browsers mark their requests with {@code Sec-Fetch-Mode} (a header no page script
 * can set), so they get the problem detail alone; people in a browser log in with the form, and
 * Swagger UI sends Basic credentials without being asked.
 */
@Component
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Basic realm=\"wederkerig\"";
    static final String BROWSER_MARK = "Sec-Fetch-Mode";

    private final ProblemResponses problems;

    public SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginLockout.TooManyAttempts) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(LoginLockout.LOCK.toSeconds()));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts",
                    "too many failed log-ins for this name; try again in " + LoginLockout.LOCK.toMinutes() + " minutes");
            return;
        }
        if (request.getHeader(BROWSER_MARK) == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        }
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "log in with your username and password");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof CsrfException) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "csrf",
                    "a change made with a log-in session needs the session's CSRF token (form field _csrf or header X-CSRF-TOKEN)");
            return;
        }
        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "this is not yours to see or change");
    }
}
