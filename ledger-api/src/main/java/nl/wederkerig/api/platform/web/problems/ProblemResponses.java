package nl.wederkerig.api.platform.web.problems;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.net.URI;

/**
 * Writes a problem detail straight to the servlet response, for filters that answer before any
 * controller (and so {@link ProblemHandling}) runs: the same type, code and titles either way.
 */
@Component
public class ProblemResponses {

    private final ObjectMapper json;
    private final LocaleResolver locales;

    public ProblemResponses(ObjectMapper json, LocaleResolver locales) {
        this.json = json;
        this.locales = locales;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                      String detail) throws IOException {
        ProblemDetail problem = ProblemHandling.problem(status, code, detail, locales.resolveLocale(request)).getBody();
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
