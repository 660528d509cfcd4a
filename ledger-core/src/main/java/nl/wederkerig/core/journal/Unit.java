package nl.wederkerig.core.journal;

/**
 * The units the journal keeps, each counted exactly in whole smallest units: euro cents and
 * minutes of help. Minutes, not hours, because a third of an hour has no exact decimal.
 */
public enum Unit {
    /** Euro; quantities are cents. */
    EUR(2),
    /** Minutes of volunteer time; written as commodity {@code MIN}. */
    MIN(0);

    private final int decimals;

    Unit(int decimals) {
        this.decimals = decimals;
    }

    public int decimals() {
        return decimals;
    }
}
