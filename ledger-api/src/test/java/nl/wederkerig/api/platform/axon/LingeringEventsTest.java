package nl.wederkerig.api.platform.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LingeringEventsTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final Events events = new Events();

    private BlockingStream<TrackedEventMessage<?>> stream(Duration linger) {
        return new LingeringEvents(events, linger, pauses::add).openStream(null);
    }

    @Test
    void aProcessorThatWaitedForAnEventLingersBeforeTakingIt() throws InterruptedException {
        events.arrivingWhileWaited = 1;

        assertThat(stream(Duration.ofMillis(20)).hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isTrue();

        assertThat(pauses).containsExactly(Duration.ofMillis(20));
    }

    @Test
    void aProcessorCatchingUpNeverLingers() throws InterruptedException {
        events.available.add(event(1));

        assertThat(stream(Duration.ofMillis(20)).hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isTrue();

        assertThat(pauses).isEmpty();
    }

    @Test
    void aLookWithoutWaitingNeverLingers() throws InterruptedException {
        events.arrivingWhileWaited = 1;
        BlockingStream<TrackedEventMessage<?>> stream = stream(Duration.ofMillis(20));

        assertThat(stream.hasNextAvailable()).isFalse();

        assertThat(pauses).isEmpty();
    }

    @Test
    void noEventNoLinger() throws InterruptedException {
        assertThat(stream(Duration.ofMillis(20)).hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isFalse();

        assertThat(pauses).isEmpty();
    }

    @Test
    void zeroTurnsItOff() throws InterruptedException {
        events.arrivingWhileWaited = 1;

        assertThat(stream(Duration.ZERO).hasNextAvailable(1_000, TimeUnit.MILLISECONDS)).isTrue();

        assertThat(pauses).isEmpty();
    }

    @Test
    void everyEventIsPassedOnInOrder() throws InterruptedException {
        events.available.add(event(1));
        events.available.add(event(2));
        BlockingStream<TrackedEventMessage<?>> stream = stream(Duration.ofMillis(20));

        assertThat(stream.peek()).map(TrackedEventMessage::trackingToken).contains(new GlobalSequenceTrackingToken(1));
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(1));
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(2));
    }

    @Test
    void aLingerBeyondTheLimitIsRefused() {
        assertThatThrownBy(() -> new LingeringEvents(events, Duration.ofMillis(201)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LingeringEvents(events, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every read model's processor reads through a lingering source, or it commits once per command again. */
    @Test
    void everyProcessorReadsThroughALingeringSource() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String prefix = "axon.eventhandling.processors.";
        List<String> modes = properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith(prefix) && key.endsWith(".mode")).toList();

        assertThat(modes).isNotEmpty();
        for (String mode : modes) {
            String source = properties.getProperty(mode.replace(".mode", ".source"));
            assertThat(source).as(mode).isIn("lingeringEvents", "lingeringIndexedEvents");
        }
    }

    private static TrackedEventMessage<?> event(long index) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                GenericEventMessage.asEventMessage("event " + index));
    }

    /** A stream whose events are there already, or arrive only while a caller waits for them. */
    private static final class Events implements StreamableMessageSource<TrackedEventMessage<?>>,
            BlockingStream<TrackedEventMessage<?>> {
        final Deque<TrackedEventMessage<?>> available = new ArrayDeque<>();
        int arrivingWhileWaited;

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
            return this;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(available.peekFirst());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            if (available.isEmpty() && timeout > 0) {
                for (; arrivingWhileWaited > 0; arrivingWhileWaited--) {
                    available.add(event(available.size() + 1));
                }
            }
            return !available.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return available.removeFirst();
        }

        @Override
        public void close() {
        }
    }
}
