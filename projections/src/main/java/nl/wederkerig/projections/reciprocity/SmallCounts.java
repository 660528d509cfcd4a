package nl.wederkerig.projections.reciprocity;

/**
 * Small-number suppression for what partners see: a count below {@link #THRESHOLD} could point at
 * one or two neighbours, so it is shown as "< 5". Counts are always strings ("7" or "< 5") so the
 * JSON has one type; amounts and minutes stay exact.
 */
public final class SmallCounts {

    public static final int THRESHOLD = 5;

    public static final String SUPPRESSED = "< 5";

    private SmallCounts() {
    }

    public static String shown(long count) {
        return count < THRESHOLD ? SUPPRESSED : Long.toString(count);
    }
}
