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
        TOO_LONG("claim-note-too-long");

        private final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    private final Reason reason;

    ClaimNoteRefused(Reason reason) {
        super(reason == Reason.EMPTY ? "the question or answer is empty"
                : "the question or answer is longer than " + PersonalDataCipher.MAX_NOTE_LENGTH_CHARS + " characters");
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
        return trimmed;
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
