package nl.wederkerig.api.platform.web.problems;

import nl.wederkerig.api.platform.storage.StorageFailures;
import nl.wederkerig.api.platform.storage.StoreWritability;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import nl.wederkerig.api.platform.OpenToAnyone;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;

import java.net.URI;

/**
 * What the servlet container forwards to when something failed outside Spring MVC (a filter, the
 * container itself): the same problem details as everywhere, never Spring Boot's default error
 * JSON. Asked for directly, {@code /error} is an address like any other with nothing behind it: 404.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final LocaleResolver locales;
    private final StoreWritability writability;

    ProblemErrorController(LocaleResolver locales, StoreWritability writability) {
        this.locales = locales;
        this.writability = writability;
    }

    @RequestMapping("/error")
    @OpenToAnyone("describes a failure of the very request that was forwarded here; shows nothing else")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && StorageFailures.isStorageFailure(failure)) {
            // A filter (the Idempotency-Key store, the log-in lockout) found no writable store: 503, as in a controller.
            writability.failed(failure);
            return ProblemHandling.storageUnavailable(locales.resolveLocale(request));
        }
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = forwarded instanceof Integer code && HttpStatus.resolve(code) != null && code >= 400
                ? HttpStatus.valueOf(code) : HttpStatus.NOT_FOUND;
        ResponseEntity<ProblemDetail> problem = ProblemHandling.problem(status, StatusCodes.codeOf(status),
                StatusCodes.englishDetailOf(status), locales.resolveLocale(request));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && !path.isEmpty()) {
            problem.getBody().setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        return problem;
    }
}
