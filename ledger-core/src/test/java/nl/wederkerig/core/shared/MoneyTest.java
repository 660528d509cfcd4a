package nl.wederkerig.core.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void keepsTwoDecimalPlacesExactly() {
        assertThat(Money.eur("12.5").amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.eur("0.10").plus(Money.eur("0.20"))).isEqualTo(Money.eur("0.30"));
        assertThat(Money.eur("12.34").cents()).isEqualTo(1234);
    }

    @Test
    void refusesToRoundAwayCents() {
        assertThatThrownBy(() -> Money.eur("1.005")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAmountsBeyondTheLedgerLimit() {
        assertThatThrownBy(() -> Money.eur("10000000.01")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.eur("10000000.00").cents()).isEqualTo(Money.MAX_ABS_CENTS);
    }

    @Test
    void serializesAsStringAmountAndCurrencyCode() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(Money.eur("12.50"));
        assertThat(text).isEqualTo("{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
        assertThat(json.readValue(text, Money.class)).isEqualTo(Money.eur("12.50"));
    }

    @Test
    void idsSerializeAsBareStringsAndValidateThemselves() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(MemberId.of("amina"))).isEqualTo("\"amina\"");
        assertThat(MemberId.of("amina").toString()).isEqualTo("amina");
        assertThatThrownBy(() -> MemberId.of("Amina Yilmaz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemberId.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemberId.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
