package nl.wederkerig.api.platform.web.problems;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import nl.wederkerig.core.funds.NotClaimReviewer;
import nl.wederkerig.core.shared.ActorNotAllowed;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.NotAParty;
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
import nl.wederkerig.api.platform.eventstore.AppendBound;
import nl.wederkerig.api.platform.eventstore.AppendTooSlow;
import nl.wederkerig.api.platform.eventstore.StorageUnavailable;
import nl.wederkerig.api.platform.storage.StorageFailures;
import nl.wederkerig.api.platform.storage.StoreWritability;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemHandling.class);

    public static final String TYPE_BASE = "https://wederkerig.nl/problems/";

    private final StoreWritability writability;

    public ProblemHandling(StoreWritability writability) {
        this.writability = writability;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation violation, Locale locale) {
        if (violation instanceof NotAParty) {
            // Someone else's record: answered exactly as an id nobody ever used.
            return notFound(locale);
        }
        if (violation instanceof CommandIdReused) {
            // The id is taken (by whom or by what is not said): a conflict with what is stored, whatever the body.
            return problem(HttpStatus.CONFLICT, violation.code(), violation.getMessage(), locale);
        }
        // Refused for who asks, not for what was asked: 403, like any other refusal of the actor.
        boolean actorRefused = violation instanceof ActorNotAllowed || violation instanceof NotClaimReviewer;
        HttpStatus status = actorRefused ? HttpStatus.FORBIDDEN
                : violation instanceof HttpStatusOfRule own ? own.httpStatus() : HttpStatus.UNPROCESSABLE_ENTITY;
        return problem(status, violation.code(), violation.getMessage(), locale);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidValue(IllegalArgumentException invalid, Locale locale) {
        // Thrown by our value types (Money, ids) when a value cannot exist; their messages are for people.
        return problem(HttpStatus.BAD_REQUEST, "bad-request", invalid.getMessage(), locale);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException missing, Locale locale) {
        return notFound(locale);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound missing, Locale locale) {
        return notFound(locale);
    }

    /**
     * Every "not found" has one body, whatever was missing and why: an unknown id, a record of
     * others ({@link NotAParty}), a read model's miss. A detail naming the id or the reason would
     * let an outsider tell "exists but not yours" from "does not exist".
     */
    public static ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return problem(HttpStatus.NOT_FOUND, NotAParty.CODE, null, locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException denied, Locale locale) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "this is not yours to see or change", locale);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException conflict, Locale locale) {
        return problem(HttpStatus.CONFLICT, "conflict", "someone changed this at the same moment; send it again", locale);
    }

    /**
     * The database takes no writes just now (full disk, read-only files, a broken connection): nothing
     * was acknowledged, and the same command id may be sent again once storage is back.
     */
    @ExceptionHandler({StorageUnavailable.class, org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> storageUnavailable(Exception failure, Locale locale) {
        log.warn("storage unavailable while answering a request: {} (first cause: {})", failure.toString(),
                failure.getCause() == null ? "none" : failure.getCause().toString());
        writability.failed(failure);
        return storageUnavailable(locale);
    }

    public static ResponseEntity<ProblemDetail> storageUnavailable(Locale locale) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "the ledger cannot store anything just now; nothing was stored, try again later",
                locale);
    }

    /**
     * An append the database ended at its bound (a lock or statement timeout, an idle transaction
     * ended, see {@link AppendBound}): nothing was stored, as for {@link AppendTooSlow}. Any other
     * failure of the store or of a commit stays unexpected.
     */
    @ExceptionHandler({org.axonframework.eventsourcing.eventstore.EventStoreException.class,
            org.springframework.transaction.TransactionSystemException.class})
    ResponseEntity<ProblemDetail> storeFailed(RuntimeException failure, Locale locale) {
        return AppendBound.endedAtItsBound(failure) ? storageUnavailable(failure, locale) : unexpected(failure, locale);
    }

    /** A backup refused for the installation's state (PostgreSQL, one already running): 409, nothing written. */
    @ExceptionHandler(nl.wederkerig.api.platform.storage.Backups.BackupRefused.class)
    ResponseEntity<ProblemDetail> backupRefused(nl.wederkerig.api.platform.storage.Backups.BackupRefused refused, Locale locale) {
        return problem(HttpStatus.CONFLICT, refused.code(), refused.getMessage(), locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPathValue(MethodArgumentTypeMismatchException mismatch, Locale locale) {
        return localizedProblem(HttpStatus.BAD_REQUEST, "bad-request", inLanguage(locale,
                "'" + mismatch.getName() + "' is not valid", "'" + mismatch.getName() + "' klopt niet."), locale);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException unreadable,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        return asObject(localizedProblem(HttpStatus.BAD_REQUEST, "bad-request", readableReason(unreadable, locale), locale));
    }

    /** A required query parameter (such as a report's {@code from} or {@code to}) was left out. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException missing,
                                                                          @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status,
                                                                          @NonNull WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        return asObject(localizedProblem(HttpStatus.BAD_REQUEST, "bad-request", inLanguage(locale,
                "'" + missing.getParameterName() + "' is missing", "'" + missing.getParameterName() + "' ontbreekt."), locale));
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
        // Bean Validation already wrote these in the reader's language.
        return asObject(localizedProblem(HttpStatus.BAD_REQUEST, "bad-request", fields, LocaleContextHolder.getLocale()));
    }

    /**
     * Everything else Spring MVC refuses before a controller runs (no such address, a trailing
     * slash, a method or media type not served, …) gets our problem with a stable code, not
     * Spring's {@code about:blank} in English.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception refused, Object body,
                                                             @NonNull HttpHeaders headers, @NonNull HttpStatusCode status,
                                                             @NonNull WebRequest request) {
        HttpStatus known = HttpStatus.resolve(status.value());
        HttpStatus answer = known != null ? known : HttpStatus.BAD_REQUEST;
        ResponseEntity<ProblemDetail> problem = problem(answer, StatusCodes.codeOf(answer), StatusCodes.englishDetailOf(answer),
                LocaleContextHolder.getLocale());
        HttpHeaders answered = new HttpHeaders();
        // Keep what tells the client how to do better (Allow, Accept), nothing else.
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase(HttpHeaders.ALLOW) || name.equalsIgnoreCase(HttpHeaders.ACCEPT)) {
                answered.addAll(name, values);
            }
        });
        return ResponseEntity.status(answer).headers(answered).body(problem.getBody());
    }

    /** A failure nobody foresaw: logged here with its cause, answered without any internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, Locale locale) {
        if (StorageFailures.isStorageFailure(failure)) {
            // The same full disk, wrapped by H2 ("General error"), by Axon or by Spring's "uncategorized" exception.
            return storageUnavailable(failure, locale);
        }
        log.error("unexpected failure while answering a request", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", StatusCodes.englishDetailOf(HttpStatus.INTERNAL_SERVER_ERROR),
                locale);
    }

    /** Says what was wrong with a body without echoing parser internals or class names. */
    private static String readableReason(HttpMessageNotReadableException unreadable, Locale locale) {
        Throwable cause = unreadable.getCause();
        while (cause != null) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return inLanguage(locale, "unknown field '" + unknown.getPropertyName() + "'",
                        "Het veld '" + unknown.getPropertyName() + "' kennen we niet.");
            }
            if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null
                    && cause.getClass() == IllegalArgumentException.class) {
                return ProblemTitles.detail("bad-request", locale, invalid.getMessage());
            }
            cause = cause.getCause();
        }
        return inLanguage(locale, "the body is not valid JSON of the expected shape",
                "De inhoud is geen geldige JSON in de vorm die hier hoort.");
    }

    /**
     * The problem for {@code code}: title and detail in the reader's language. {@code englishDetail}
     * says what went wrong in this case, in English; a Dutch reader gets the code's own Dutch
     * explanation instead (ProblemTitles), never a mix of both languages.
     */
    private static String inLanguage(Locale locale, String english, String dutch) {
        return "en".equals(locale.getLanguage()) ? english : dutch;
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String englishDetail, Locale locale) {
        return localizedProblem(status, code, ProblemTitles.detail(code, locale, englishDetail), locale);
    }

    /** As {@link #problem}, with a detail already written in the reader's language (validation messages). */
    public static ResponseEntity<ProblemDetail> localizedProblem(HttpStatus status, String code, String detail, Locale locale) {
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
