package nl.wederkerig.api.platform.web.problems;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tomcat refuses some requests before the application sees them (an address it cannot decode, a
 * header too large) and would answer with its own HTML page. This makes that answer a problem
 * detail too, Dutch by default, English when the request asks for it. An encoded slash ({@code %2F})
 * is let through to Spring Security's firewall, which refuses it with a problem of its own.
 */
@Component
class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, as a problem detail. */
    public static final class ProblemValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code) != null ? HttpStatus.valueOf(code) : HttpStatus.BAD_REQUEST;
            String language = request.getHeader("Accept-Language");
            Locale locale = language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                    : Locale.forLanguageTag("nl");
            ProblemDetail problem = ProblemHandling.problem(status, StatusCodes.codeOf(status),
                    StatusCodes.englishDetailOf(status), locale).getBody();
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                // Written by hand: this runs outside Spring, without the mapper that flattens a problem's properties.
                Map<String, Object> flat = new LinkedHashMap<>();
                flat.put("type", problem.getType().toString());
                flat.put("title", problem.getTitle());
                flat.put("status", problem.getStatus());
                flat.put("detail", problem.getDetail());
                if (problem.getProperties() != null) {
                    flat.putAll(problem.getProperties());
                }
                response.getWriter().write(JSON.writeValueAsString(flat));
                response.finishResponse();
            } catch (IOException | IllegalStateException ignored) {
                // The connection is gone or the answer started: nothing more to say.
            }
        }
    }
}
