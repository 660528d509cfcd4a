package nl.wederkerig.core.shared;

/** A client reused a command id for a command with a different payload. */
public final class CommandIdReused extends RuleViolation {

    public CommandIdReused(String id) {
        super("id " + id + " was already used for a different command");
    }

    @Override
    public String code() {
        return "command-id-reused";
    }
}
