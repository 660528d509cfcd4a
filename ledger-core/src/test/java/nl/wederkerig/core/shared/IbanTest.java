package nl.wederkerig.core.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IbanTest {

    @ParameterizedTest
    @ValueSource(strings = {"NL91ABNA0417164300", "NL20INGB0001234567", "NL02ABNA0123456789", "DE89370400440532013000",
            "BE68539007547034", "GB29NWBK60161331926819", "NO9386011117947", "MT84MALT011000012345MTLCAST001S",
            "NL26VAYB8060476890"})
    void acceptsValidIbans(String text) {
        assertThat(Iban.isValid(text)).isTrue();
        assertThat(new Iban(text).value()).isEqualTo(text);
    }

    @Test
    void readsWhatPeopleType() {
        Iban iban = Iban.parse(" nl91 abna 0417 1643 00 ");
        assertThat(iban.value()).isEqualTo("NL91ABNA0417164300");
        assertThat(iban.formatted()).isEqualTo("NL91 ABNA 0417 1643 00");
        assertThat(iban.countryCode()).isEqualTo("NL");
        assertThat(iban.bban()).isEqualTo("ABNA0417164300");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL91ABNA0417164301", // one digit off
            "NL91ABNA0417164030", // two digits swapped
            "NL19ABNA0417164300", // check digits swapped
            "NL91ABNA041716430", // too short for NL
            "DE8937040044053201300", // too short for DE
            "XX00", "", "NL91-ABNA-0417-1643-00", "nl91abna0417164300"})
    void refusesInvalidIbansWithATypedViolation(String text) {
        assertThat(Iban.isValid(text) && text.equals(text.toUpperCase()) && !text.contains(" ")).isFalse();
        assertThatThrownBy(() -> new Iban(text)).isInstanceOf(InvalidIban.class)
                .hasMessageNotContaining(text.isEmpty() ? "\u0000" : text)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("iban-invalid"));
    }

    @Test
    void refusesNullAndOverlongInput() {
        assertThatThrownBy(() -> Iban.parse(null)).isInstanceOf(InvalidIban.class);
        assertThat(Iban.isValid(null)).isFalse();
        assertThat(Iban.isValid("NL91ABNA0417164300".repeat(100))).isFalse();
    }

    @Property(tries = 300)
    void everySingleDigitChangeIsCaught(@ForAll @IntRange(min = 4, max = 17) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String valid = "NL91ABNA0417164300";
        char c = valid.charAt(position);
        char changed = Character.isDigit(c) ? (char) ('0' + (c - '0' + shift) % 10)
                : (char) ('A' + (c - 'A' + shift) % 26);
        String typo = valid.substring(0, position) + changed + valid.substring(position + 1);
        assertThat(Iban.isValid(typo)).isFalse();
    }

    @Test
    void serializesAsItsElectronicForm() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(Iban.parse("NL91 ABNA 0417 1643 00"))).isEqualTo("\"NL91ABNA0417164300\"");
        assertThat(json.readValue("\"NL91ABNA0417164300\"", Iban.class)).isEqualTo(Iban.parse("NL91ABNA0417164300"));
    }
}
