package nl.wederkerig.api.platform.axon;

import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.community.HourValuationSet;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An hour valuation stored before the method was asked for (the fixture keeps its JSON as it was
 * stored) still reads, with the method UNSPECIFIED and everything else as it was; one stored with
 * a method (revision 2) reads as stored; a method the ledger does not know does not read at all.
 */
class HourValuationSetUpcasterTest {

    @BeforeAll
    static void serializer() {
        EventJsonTest.serializer = new LedgerConfiguration().eventSerializer();
    }

    @Test
    void theFirstStoredFormReadsWithTheMethodUnspecified() throws IOException {
        String firstForm = EventJsonTest.fixture(HourValuationSet.class);
        assertThat(firstForm).doesNotContain("method");
        HourValuationSet read = (HourValuationSet) EventJsonTest.readStored(firstForm, HourValuationSet.class);
        assertThat(read.method()).isEqualTo(HourValuationMethod.UNSPECIFIED);
        assertThat(read.perHour().cents()).isEqualTo(1250);
        assertThat(read.effectiveFrom()).isEqualTo(EventJsonTest.DAY);
        assertThat(read.actor().value()).isEqualTo("actor");
    }

    @Test
    void theSecondFormKeepsItsMethodAndIsNotUpcastAgain() {
        HourValuationSet stored = new HourValuationSet(nl.wederkerig.core.shared.CommunityId.of("west"),
                nl.wederkerig.core.shared.CommandId.of("v-1"), nl.wederkerig.core.shared.Money.eur("14.00"), EventJsonTest.DAY,
                HourValuationMethod.MARKET_VALUE, EventJsonTest.DAY, nl.wederkerig.core.shared.MemberId.of("femke"),
                EventJsonTest.AT);
        var serialized = EventJsonTest.serializer.serialize(stored, String.class);
        assertThat(serialized.getType().getRevision()).as("new events are stored as revision 2").isEqualTo("2");
        assertThat(serialized.getData()).contains("\"method\":\"MARKET_VALUE\"");
        assertThat(HourValuationSetUpcaster.FIRST_FORM.getRevision()).isNull();
        Object read = EventJsonTest.serializer.deserialize(serialized);
        assertThat(read).isEqualTo(stored);
    }

    @Test
    void aMethodTheLedgerDoesNotKnowDoesNotRead() {
        String unknown = """
                {"communityId":"west","commandId":"v-1","perHour":{"amount":"14.00","currency":"EUR"},\
                "effectiveFrom":"2026-11-23","method":"GUESSED","businessDate":"2026-11-23","actor":"femke",\
                "recordedAt":"2026-11-23T10:15:30Z"}""";
        assertThatThrownBy(() -> EventJsonTest.serializer.deserialize(
                new SimpleSerializedObject<>(unknown, String.class, HourValuationSet.class.getName(), "2")))
                .isInstanceOf(RuntimeException.class);
    }
}
