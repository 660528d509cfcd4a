package nl.wederkerig.core.shared;

/**
 * The id a client chose is taken: by an earlier command with another payload, or by a record of
 * any kind, anyone's. The message names only the id the client sent itself, never what holds it:
 * whose record, what kind, for how much ({@link IdsOfOtherKinds}).
 */
public final class CommandIdReused extends RuleViolation {

    public CommandIdReused(String id) {
        super("id " + id + " is already in use: choose another one (the very same request again is answered as the first time)");
    }

    @Override
    public String code() {
        return "command-id-reused";
    }
}
