package nl.wederkerig.api.platform.web.pages;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * After a form is sent, the browser is redirected to a page that reads a read model, which follows
 * the events a moment later. That page must show the change, or the neighbour would think it failed
 * and send it again. So a page waits here, briefly, until the read model shows it. If it takes longer
 * the page shows the record as it was, which is still true.
 */
public final class ReadYourWrite {

    /** Longest a page waits; the read models usually follow within milliseconds. */
    public static final Duration LIMIT = Duration.ofSeconds(3);
    /** Between two looks at the read model. */
    private static final long POLL_MILLIS = 25;

    private ReadYourWrite() {
    }

    /** Returns as soon as {@code shown} is true, or after {@link #LIMIT}, or when the thread is interrupted. */
    public static void await(BooleanSupplier shown) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline && !shown.getAsBoolean()) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
