package nl.wederkerig.api.platform.web.pages;

import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page text exists in Dutch and in English, and Dutch and English amounts are written as their readers expect. */
class PageTextsTest {

    @Test
    void everyPageTextHasBothLanguages() throws IOException {
        Properties dutch = load("/messages_nl.properties");
        Properties english = load("/messages_en.properties");

        assertThat(dutch.stringPropertyNames()).hasSizeGreaterThan(20).isEqualTo(english.stringPropertyNames());
        assertThat(dutch.stringPropertyNames()).allSatisfy(key -> {
            assertThat(dutch.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        });
    }

    @Test
    void amountsAndHoursReadNaturallyInEachLanguage() {
        Figures dutch = new Figures(Locale.forLanguageTag("nl-NL"));
        Figures english = new Figures(Locale.forLanguageTag("en-GB"));
        Money owed = Money.eur("1234.50");

        assertThat(dutch.money(owed).replace('\u00a0', ' ')).isEqualTo("€ 1.234,50");
        assertThat(english.money(owed)).isEqualTo("€1,234.50");
        assertThat(dutch.unsignedMoney(Money.eur("-7.05")).replace('\u00a0', ' ')).isEqualTo("€ 7,05");
        assertThat(dutch.hours(150)).isEqualTo("2 uur 30 min");
        assertThat(dutch.hours(120)).isEqualTo("2 uur");
        assertThat(english.hours(45)).isEqualTo("0 h 45 min");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PageTextsTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
