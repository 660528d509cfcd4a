package nl.wederkerig.api.platform.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static nl.wederkerig.api.platform.eventstore.EventsWithTheirIndex.indexBetween;
import static org.assertj.core.api.Assertions.assertThat;

/** How an event's own index follows from the tokens before and after it. */
class EventsWithTheirIndexTest {

    static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }

    @Test
    void anEventThatRaisesTheHighestIndexIsAtThatIndex() {
        assertThat(indexBetween(null, token(0))).contains(0L);
        assertThat(indexBetween(token(4), token(5))).contains(5L);
        assertThat(indexBetween(token(4), token(9, 5L, 6L, 7L, 8L))).contains(9L);
    }

    @Test
    void aLateEventThatFillsAGapIsAtTheGap() {
        assertThat(indexBetween(token(130, 57L, 99L), token(130, 99L))).contains(57L);
    }

    @Test
    void whenGapsWereDroppedAtTheSameMomentTheTokensDoNotTell() {
        assertThat(indexBetween(token(130, 57L, 99L), token(130))).isEqualTo(Optional.empty());
        assertThat(indexBetween(token(130, 57L), token(130, 57L))).isEqualTo(Optional.empty());
    }
}
