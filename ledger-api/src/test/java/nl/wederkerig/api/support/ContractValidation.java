package nl.wederkerig.api.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Every HTTP test is also a contract test: each request to {@code /api} and its response are
 * validated against the application's own OpenAPI document. A request the server accepted (2xx)
 * must match the document; every response must, problem details included. Requests the server
 * rejected are not validated: bad-input tests send invalid requests on purpose. And every
 * {@code Location} a creation answers with is followed ({@link Locations}): it must answer the asker.
 */
@TestConfiguration
public class ContractValidation {

    private static volatile OpenApiInteractionValidator validator;

    @Bean
    RestTemplateCustomizer contractChecked() {
        return restTemplate -> {
            restTemplate.setRequestFactory(new BufferingClientHttpRequestFactory(restTemplate.getRequestFactory()));
            restTemplate.getInterceptors().add(new Check());
        };
    }

    /**
     * Reads the document once the server is up, not on a test's first request: generating and
     * parsing it takes seconds on a busy machine, which a test's first awaited request would pay.
     */
    @EventListener
    void readDocument(WebServerInitializedEvent started) throws IOException {
        Check.validator(URI.create("http://localhost:" + started.getWebServer().getPort()));
    }

    static final class Check implements ClientHttpRequestInterceptor {

        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            ClientHttpResponse response = execution.execute(request, body);
            if (request.getURI().getPath().startsWith("/api/")) {
                validate(request, body, response);
                Locations.requireAnswered(request, response);
            }
            return response;
        }

        private static void validate(HttpRequest request, byte[] body, ClientHttpResponse response) throws IOException {
            Request.Method method = Request.Method.valueOf(request.getMethod().name());
            String path = request.getURI().getRawPath();
            int status = response.getStatusCode().value();
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(status)
                    .withBody(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
            response.getHeaders().forEach(answer::withHeader);
            ValidationReport report;
            if (status >= 200 && status < 300) {
                report = validator(request.getURI()).validate(asked(request, method, path, body), answer.build());
            } else {
                report = validator(request.getURI()).validateResponse(path, method, answer.build());
            }
            if (report.hasErrors()) {
                throw new AssertionError("contract broken by " + method + " " + path + " -> " + status + ":\n" + report);
            }
        }

        private static Request asked(HttpRequest request, Request.Method method, String path, byte[] body) {
            SimpleRequest.Builder asked = new SimpleRequest.Builder(method, path);
            request.getHeaders().forEach(asked::withHeader);
            if (body.length > 0) {
                asked.withBody(new String(body, StandardCharsets.UTF_8));
            }
            String query = request.getURI().getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    String[] parts = pair.split("=", 2);
                    asked.withQueryParam(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
                }
            }
            return asked.build();
        }

        private static OpenApiInteractionValidator validator(URI server) throws IOException {
            if (validator == null) {
                synchronized (ContractValidation.class) {
                    if (validator == null) {
                        validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec(server)).build();
                    }
                }
            }
            return validator;
        }

        private static String spec(URI server) throws IOException {
            URI docs = URI.create(server.getScheme() + "://" + server.getAuthority() + "/v3/api-docs");
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(docs).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("no OpenAPI document at " + docs + ": " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
