package nl.wederkerig.projections.readmodels;

/**
 * One row where a live read model and a fresh rebuild disagree. {@code live} or {@code fresh} is
 * "(missing)" when the row exists on one side only.
 */
public record Difference(String table, String key, String live, String fresh) {

    static final String MISSING = "(missing)";

    @Override
    public String toString() {
        return table + " [" + key + "]: live " + live + " / rebuilt " + fresh;
    }
}
