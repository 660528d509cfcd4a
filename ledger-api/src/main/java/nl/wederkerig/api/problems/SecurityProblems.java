package nl.wederkerig.api.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Not logged in (401) and not allowed (403) as problem details, like every other error, written
 * by the security filters before any controller runs.
 */
@Component
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Basic realm=\"wederkerig\"";

    private final ProblemResponses problems;

    public SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "log in with your username and password");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "this is not yours to see or change");
    }
}
