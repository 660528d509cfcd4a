package nl.wederkerig.api.platform.web.problems;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import nl.wederkerig.core.shared.ActorNotAllowed;
import nl.wederkerig.core.shared.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns every failure into a problem detail with a stable {@code type} per business rule and a
 * Dutch or English title. Details come from our own messages only, never from a stack trace or a
 * library's internals.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://wederkerig.nl/problems/";

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation violation, Locale locale) {
        HttpStatus status = violation instanceof ActorNotAllowed ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_ENTITY;
        return problem(status, violation.code(), violation.getMessage(), locale);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidValue(IllegalArgumentException invalid, Locale locale) {
        // Thrown by our value types (Money, ids) when a value cannot exist; their messages are for people.
        return problem(HttpStatus.BAD_REQUEST, "bad-request", invalid.getMessage(), locale);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException missing, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "no such record in this community", locale);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound missing, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "not-found", missing.getMessage(), locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException denied, Locale locale) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "this is not yours to see or change", locale);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException conflict, Locale locale) {
        return problem(HttpStatus.CONFLICT, "conflict", "someone changed this at the same moment; send it again", locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPathValue(MethodArgumentTypeMismatchException mismatch, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "'" + mismatch.getName() + "' is not valid", locale);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException unreadable,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        return asObject(problem(HttpStatus.BAD_REQUEST, "bad-request", readableReason(unreadable), LocaleContextHolder.getLocale()));
    }

    /** A required query parameter (such as a report's {@code from} or {@code to}) was left out. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException missing,
                                                                          @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status,
                                                                          @NonNull WebRequest request) {
        return asObject(problem(HttpStatus.BAD_REQUEST, "bad-request", "'" + missing.getParameterName() + "' is missing",
                LocaleContextHolder.getLocale()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException invalid,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        String fields = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return asObject(problem(HttpStatus.BAD_REQUEST, "bad-request", fields, LocaleContextHolder.getLocale()));
    }

    /** Says what was wrong with a body without echoing parser internals or class names. */
    private static String readableReason(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        while (cause != null) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return "unknown field '" + unknown.getPropertyName() + "'";
            }
            if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null
                    && cause.getClass() == IllegalArgumentException.class) {
                return invalid.getMessage();
            }
            cause = cause.getCause();
        }
        return "the body is not valid JSON of the expected shape";
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail, Locale locale) {
        assert ProblemTitles.knows(code) : "no title for problem code " + code;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(ProblemTitles.title(code, locale));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }

    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return ResponseEntity.status(response.getStatusCode()).body(response.getBody());
    }
}
