package nl.wederkerig.benchmarks;

import java.util.List;

/**
 * How much work one run does. {@code SMALL} is for CI and a first look (well under a minute);
 * {@code FULL} gives the figures docs/performance.md reports.
 */
public enum Size {

    SMALL(300, 100, 60, 8, List.of(2_000L), 300),
    /** One realistic book (200,000 events) in a few minutes: for checking an improvement. */
    MEDIUM(1_000, 1_000, 500, 32, List.of(200_000L), 2_000),
    FULL(5_000, 4_000, 2_000, 60, List.of(200_000L, 1_000_000L), 10_000);

    /** Rows the raw JDBC ceiling inserts per thread count. */
    final int jdbcRows;
    /** MakeAdvance + ReimburseAdvance pairs through the command gateway, per thread count. */
    final int gatewayPairs;
    /** The same pairs through HTTP, with the application's authentication as configured. */
    final int httpPairs;
    /** The same pairs through HTTP with a bcrypt check on every request (slow: keep this small). */
    final int bcryptHttpPairs;
    /** Book sizes in events at which replay, heap and queries are measured, smallest first. */
    final List<Long> bookEvents;
    /** Timed queries per read model and book size. */
    final int queries;

    Size(int jdbcRows, int gatewayPairs, int httpPairs, int bcryptHttpPairs, List<Long> bookEvents, int queries) {
        this.jdbcRows = jdbcRows;
        this.gatewayPairs = gatewayPairs;
        this.httpPairs = httpPairs;
        this.bcryptHttpPairs = bcryptHttpPairs;
        this.bookEvents = List.copyOf(bookEvents);
        this.queries = queries;
    }

    static Size parse(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
