package nl.wederkerig.statements;

import nl.wederkerig.core.shared.RuleViolation;

/**
 * A statement file was refused as a whole: nothing of it may be used. The {@link Reason} gives a
 * stable code (for an HTTP 4xx problem); the message names the line, never what it holds (a line
 * may name a person).
 */
public final class StatementRefused extends RuleViolation {

    /** Why a file was refused, each with its stable code. */
    public enum Reason {
        /** Larger than {@link StatementReader#MAX_FILE_BYTES}. */
        TOO_LARGE("statement-too-large"),
        /** Nothing in it, or no statement lines where the format needs some. */
        EMPTY("statement-empty"),
        /** More lines in one statement than {@link StatementReader#MAX_LINES_PER_STATEMENT}. */
        TOO_MANY_LINES("statement-too-many-lines"),
        /** XML with a DOCTYPE, an entity declaration or an entity reference (XXE, billion laughs). */
        XML_DOCTYPE("statement-xml-doctype"),
        /** Not well-formed XML, or not a camt.053.001.02 document. */
        NOT_CAMT053("statement-not-camt053"),
        /** MT940 that stops before its closing balance, or whose fields are cut off. */
        TRUNCATED("statement-truncated"),
        /** Not MT940 at all. */
        NOT_MT940("statement-not-mt940"),
        /** CSV whose columns are not exactly those of the layout (unknown, missing or moved). */
        CSV_COLUMNS("statement-csv-columns"),
        /** A CSV layout name the reader does not know. */
        UNKNOWN_LAYOUT("statement-csv-layout-unknown"),
        /** An amount or balance in another currency than EUR. */
        NOT_EUR("statement-not-eur"),
        /** A date, amount or sign that cannot be read. */
        LINE_UNREADABLE("statement-line-unreadable"),
        /** Opening balance plus the lines is not the closing balance, or a line's balance does not follow. */
        DOES_NOT_ADD_UP("statement-does-not-add-up"),
        /** A line booked outside the period the statement says it covers. */
        LINE_OUTSIDE_PERIOD("statement-line-outside-period");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final int lineNumber;

    /** @param lineNumber the line (of the file, or of the statement for checks) it concerns; 0 for the whole file */
    public StatementRefused(Reason reason, int lineNumber, String message) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + message : message);
        this.reason = reason;
        this.lineNumber = lineNumber;
    }

    public Reason reason() {
        return reason;
    }

    public int lineNumber() {
        return lineNumber;
    }

    /** Every code this refusal can have: one per reason (ProblemTitlesTest gives each a title). */
    public static java.util.Set<String> codes() {
        return java.util.Arrays.stream(Reason.values()).map(Reason::code).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public String code() {
        return reason.code();
    }
}
