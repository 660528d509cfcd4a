package nl.wederkerig.api.platform.web.pages;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.platform.web.Languages;
import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page text exists in Dutch and in English, and Dutch and English amounts are written as their readers expect. */
@EngineNeutral
class PageTextsTest {

    @Test
    void everyPageTextHasBothLanguagesAndNoKeyIsInTwoBundles() throws IOException {
        Set<String> seen = new HashSet<>();
        assertThat(Languages.bundles()).contains("messages");
        for (String bundle : Languages.bundles()) {
            Properties dutch = load("/" + bundle + "_nl.properties");
            Properties english = load("/" + bundle + "_en.properties");

            assertThat(dutch.stringPropertyNames()).as(bundle).isNotEmpty().isEqualTo(english.stringPropertyNames());
            assertThat(dutch.stringPropertyNames()).allSatisfy(key -> {
                assertThat(dutch.getProperty(key)).as(key).isNotBlank();
                assertThat(english.getProperty(key)).as(key).isNotBlank();
                // A key in two bundles would show whichever Spring finds first.
                assertThat(seen.add(key)).as(key + " in more than one bundle").isTrue();
            });
        }
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

    @Test
    void onePagesFiguresWriteEveryAmountAsAFreshFormatWould() {
        // A page keeps one number format for all its amounts: each still gets its own currency, sign and digits.
        Locale nl = Locale.forLanguageTag("nl-NL");
        Figures page = new Figures(nl);
        List<Money> amounts = List.of(Money.eur("20.00"), Money.ofCents(12_345, java.util.Currency.getInstance("GBP")),
                Money.eur("-3.10"), Money.ofCents(-99, java.util.Currency.getInstance("JPY")), Money.eur("1234567.89"));

        for (Money amount : amounts) {
            assertThat(page.money(amount)).isEqualTo(new Figures(nl).money(amount));
        }
        assertThat(page.money(Money.eur("20.00")).replace('\u00a0', ' ')).isEqualTo("€ 20,00");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PageTextsTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
