package nl.wederkerig.api.platform.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event source of the read models' tracking processors, which lets a processor that was idle
 * wait a moment ({@code wederkerig.read-models.linger}) after the first new event before it takes
 * its batch, so that the commits of that moment share one batch, one token update and one durable
 * commit.
 *
 * <p>Why: a tracking processor takes whatever is available as soon as one event arrives. Under a
 * steady stream of commands each command woke every processor, and each processor that handles the
 * event (the balances and the journal for an advance) committed a batch of one with its token and
 * synced the file ({@code DurableTransactions}): two more durable commits per command, competing with
 * the commands' own syncs for the disk and the cores (docs/performance.md, "Fewer read-model
 * commits per command"). The read models follow a few milliseconds later instead; nothing else
 * changes: every event is handled, in order, in a transaction with its token.
 *
 * <p>A processor that is catching up (events already there) never lingers, nor does a look without
 * waiting.
 */
public final class LingeringEvents implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Longest linger accepted: a read model this far behind a command would be noticed on the pages. */
    static final Duration MAX_LINGER = Duration.ofMillis(200);

    /** How the processor's thread waits; a test sees the wait instead of timing it. */
    @FunctionalInterface
    interface Pause {
        void of(Duration linger) throws InterruptedException;
    }

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final Duration linger;
    private final Pause pause;

    public LingeringEvents(StreamableMessageSource<TrackedEventMessage<?>> source, Duration linger) {
        this(source, linger, wait -> Thread.sleep(wait.toMillis()));
    }

    LingeringEvents(StreamableMessageSource<TrackedEventMessage<?>> source, Duration linger, Pause pause) {
        if (linger.isNegative() || linger.compareTo(MAX_LINGER) > 0) {
            throw new IllegalArgumentException("wederkerig.read-models.linger must be between 0 and " + MAX_LINGER + ": " + linger);
        }
        this.source = source;
        this.linger = linger;
        this.pause = pause;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        BlockingStream<TrackedEventMessage<?>> events = source.openStream(from);
        return linger.isZero() ? events : new Lingering(events);
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return source.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return source.createTokenSince(duration);
    }

    private final class Lingering implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;

        Lingering(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        /** After waiting for an event that then came, waits the linger before saying so. */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout <= 0) {
                return events.hasNextAvailable(timeout, unit);
            }
            if (events.hasNextAvailable(0, TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (!events.hasNextAvailable(timeout, unit)) {
                return false;
            }
            pause.of(linger);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void close() {
            events.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }
    }
}
