package nl.wederkerig.api.claims;

import nl.wederkerig.core.shared.PersonalDataCipher;
import nl.wederkerig.core.shared.RuleViolation;

/**
 * A question about a claim, or the claimant's answer, that cannot be kept: empty, or longer than a
 * sealed note holds. Checked in clear before sealing, so nothing is stored.
 */
public final class ClaimNoteRefused extends RuleViolation {

    /** Why the note was refused. */
    public enum Reason {
        EMPTY("claim-note-empty"),
        TOO_LONG("claim-note-too-long"),
        /** A control character or one that turns the writing direction: invisible, and able to make the text read otherwise. */
        HIDDEN_CHARACTERS("claim-note-hidden-characters");

        private final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    private final Reason reason;

    ClaimNoteRefused(Reason reason) {
        super(switch (reason) {
            case EMPTY -> "the question or answer is empty";
            case TOO_LONG -> "the question or answer is longer than " + PersonalDataCipher.MAX_NOTE_LENGTH_CHARS + " characters";
            case HIDDEN_CHARACTERS -> "the question or answer holds a control or direction character";
        });
        this.reason = reason;
    }

    /** The note trimmed, if it can be kept. */
    static String checked(String note) {
        String trimmed = note == null ? "" : note.strip();
        if (trimmed.isEmpty()) {
            throw new ClaimNoteRefused(Reason.EMPTY);
        }
        if (trimmed.length() > PersonalDataCipher.MAX_NOTE_LENGTH_CHARS) {
            throw new ClaimNoteRefused(Reason.TOO_LONG);
        }
        if (trimmed.codePoints().anyMatch(ClaimNoteRefused::hidden)) {
            throw new ClaimNoteRefused(Reason.HIDDEN_CHARACTERS);
        }
        return trimmed;
    }

    /** Free text keeps its line breaks; any other control character, or a direction mark or override, is refused. */
    private static boolean hidden(int c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }

    /** Every code a refused note can have, one per reason. */
    public static java.util.Set<String> codes() {
        return java.util.Arrays.stream(Reason.values()).map(reason -> reason.code).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public String code() {
        return reason.code;
    }
}
