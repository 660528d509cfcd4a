package nl.wederkerig.core.shared;

/** One aggregate reached the most commands it may handle; a limit that keeps every stream small. */
public final class TooManyCommands extends RuleViolation {

    public TooManyCommands(int limit) {
        super("this record already holds the most changes it may hold (" + limit + ")");
    }

    @Override
    public String code() {
        return "too-many-changes";
    }
}
