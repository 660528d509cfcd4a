package nl.wederkerig.api.claims;

import nl.wederkerig.api.platform.web.problems.HttpStatusOfRule;
import nl.wederkerig.core.shared.RuleViolation;
import org.springframework.http.HttpStatus;

/**
 * A receipt file was refused before anything was stored: its kind, its size, its count or its
 * content. Each reason has its own code and HTTP status, so a client and the form react to it.
 */
public final class ReceiptRefused extends RuleViolation implements HttpStatusOfRule {

    /** Why a file was refused. */
    public enum Reason {
        /** Neither a JPEG, a PNG nor a PDF, judged by its first bytes, never by its name or declared type. */
        TYPE_UNSUPPORTED("receipt-type-unsupported", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        /** An upload over {@link ReceiptScans#MAX_UPLOAD_BYTES}, or a PDF over {@link ReceiptScans#MAX_STORED_BYTES}. */
        TOO_LARGE("receipt-too-large", HttpStatus.PAYLOAD_TOO_LARGE),
        /** More than {@link ReceiptScans#MAX_RECEIPTS_PER_CLAIM} files with one claim. */
        TOO_MANY("too-many-receipts", HttpStatus.UNPROCESSABLE_ENTITY),
        /** Says it is an image but cannot be read as one (cut off, damaged, or absurdly many pixels). */
        UNREADABLE("receipt-unreadable", HttpStatus.UNPROCESSABLE_ENTITY),
        /** A claim sent as a form with files needs at least one. */
        NONE("receipt-file-missing", HttpStatus.UNPROCESSABLE_ENTITY);

        private final String code;
        private final HttpStatus status;

        Reason(String code, HttpStatus status) {
            this.code = code;
            this.status = status;
        }
    }

    private final Reason reason;

    public ReceiptRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Every code a refused receipt can have, one per reason. */
    public static java.util.Set<String> codes() {
        return java.util.Arrays.stream(Reason.values()).map(reason -> reason.code).collect(java.util.stream.Collectors.toSet());
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return reason.code;
    }

    @Override
    public HttpStatus httpStatus() {
        return reason.status;
    }
}
