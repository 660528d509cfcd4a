package nl.wederkerig.core.community;

/**
 * How the value of a volunteer hour was arrived at, named with the value so a funder or an
 * accountant can judge it (issue 14). UNSPECIFIED is what valuations recorded before the method
 * was asked for read as (the upcaster fills it in): nobody then said which method it was.
 */
public enum HourValuationMethod {
    /** Recorded before the method was asked for; shown as "niet vastgelegd". */
    UNSPECIFIED,
    /** What it would cost to have a paid worker do the same work. */
    REPLACEMENT_VALUE,
    /** What the same service costs on the market. */
    MARKET_VALUE,
    /** What the volunteer could have earned in that hour instead. */
    OPPORTUNITY_COST,
    /** A fixed amount per hour agreed with the partner(s). */
    FIXED_AGREED
}
