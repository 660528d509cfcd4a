package nl.wederkerig.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same operation on N threads at once and reports operations per second of wall time. */
final class Load {

    /** A run that takes longer than this is broken, not slow. */
    private static final long MAX_RUN_MINUTES = 30;

    /** One operation: thread index and the operation's index within that thread. */
    interface Operation {
        void run(int thread, int index) throws Exception;
    }

    private Load() {
    }

    /**
     * Warms up untimed (JIT, connection pools), then times {@code totalOperations} spread evenly
     * over {@code threads}. Indexes of the timed part follow the warm-up's, so ids never repeat.
     */
    static double operationsPerSecond(int threads, int totalOperations, int warmupOperationsPerThread, Operation operation)
            throws Exception {
        int perThread = timedOperations(threads, totalOperations) / threads;
        run(threads, 0, warmupOperationsPerThread, operation);
        long nanos = run(threads, warmupOperationsPerThread, perThread, operation);
        return (double) perThread * threads / (nanos / 1e9);
    }

    /** The operations actually timed: an equal share per thread, at least one each. */
    static int timedOperations(int threads, int totalOperations) {
        return Math.max(1, totalOperations / threads) * threads;
    }

    private static long run(int threads, int firstIndex, int perThread, Operation operation) throws Exception {
        if (perThread == 0) {
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int t = thread;
                done.add(pool.submit(() -> {
                    gate.await();
                    for (int i = firstIndex; i < firstIndex + perThread; i++) {
                        operation.run(t, i);
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            gate.countDown();
            for (Future<?> future : done) {
                future.get(MAX_RUN_MINUTES, TimeUnit.MINUTES);
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }
}
