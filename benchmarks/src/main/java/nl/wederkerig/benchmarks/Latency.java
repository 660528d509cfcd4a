package nl.wederkerig.benchmarks;

import nl.wederkerig.benchmarks.BookGenerator.Neighbour;

import java.util.Arrays;
import java.util.Random;

/** Times one query many times, one at a time, and reports percentiles in milliseconds. */
final class Latency {

    record Percentiles(double p50Millis, double p99Millis) {
    }

    private Latency() {
    }

    static Percentiles measure(ReadModel.Query query, BookGenerator book, int queries) {
        Random random = new Random(42);
        for (int i = 0; i < Math.max(10, queries / 10); i++) {
            query.ask(book.randomNeighbour(random));
        }
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            Neighbour neighbour = book.randomNeighbour(random);
            long start = System.nanoTime();
            query.ask(neighbour);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Percentiles(percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6);
    }

    static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
