package nl.wederkerig.api.platform.web.problems;

import org.springframework.http.HttpStatus;

/**
 * The problem code and English detail for an HTTP status that no rule of ours explains (the
 * framework or the server refused the request before any application code ran).
 */
public final class StatusCodes {

    private StatusCodes() {
    }

    public static String codeOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case PAYLOAD_TOO_LARGE -> "payload-too-large";
            case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG -> "request-too-large";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case CONFLICT -> "conflict";
            case SERVICE_UNAVAILABLE -> "unavailable";
            default -> status.is5xxServerError() ? "internal-error" : "bad-request";
        };
    }

    public static String englishDetailOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "there is nothing at this address";
            case METHOD_NOT_ALLOWED -> "this address does not take this method";
            case NOT_ACCEPTABLE -> "this address answers in JSON (or the format its documentation names) only";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json (or the type this address documents)";
            case PAYLOAD_TOO_LARGE -> "the request is too large";
            case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG -> "the address or the headers are too long";
            case SERVICE_UNAVAILABLE -> "the ledger cannot answer just now; try again in a moment";
            default -> status.is5xxServerError() ? "something went wrong on our side; nothing was stored"
                    : "the request is not valid";
        };
    }
}
