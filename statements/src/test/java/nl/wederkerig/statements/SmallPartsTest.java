package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payment references, counterparty keys, account identification and the text an application seals. */
class SmallPartsTest {

    @Test
    void findsTheAppsReferenceInADescription() {
        assertThat(PaymentReferences.find("Declaratie WDK-claim-17 bonnetje")).contains("claim-17");
        assertThat(PaymentReferences.find("DECLARATIE WDK-CLAIM-17")).contains("claim-17");
        assertThat(PaymentReferences.find("WDK-c1, WDK-c2")).contains("c1");
        assertThat(PaymentReferences.find("ref WDK-abc-")).contains("abc");
        assertThat(PaymentReferences.find("XWDK-abc")).isEmpty();
        assertThat(PaymentReferences.find("WDK-")).isEmpty();
        assertThat(PaymentReferences.find("WDK-" + "a".repeat(65))).isEmpty();
        assertThat(PaymentReferences.find(null)).isEmpty();
        assertThat(PaymentReferences.forId("claim-17")).isEqualTo("WDK-claim-17");
    }

    @Test
    void counterpartyKeysArePseudonymsUnderASecret() {
        CounterpartyKeys keys = new CounterpartyKeys("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
        CounterpartyKeys other = new CounterpartyKeys("another secret of 16+".getBytes(StandardCharsets.UTF_8));
        StatementLine byIban = line("A. Yilmaz", "NL55 RABO 0300 5007 00");
        StatementLine sameIbanOtherName = line("Yilmaz", "NL55RABO0300500700");
        assertThat(keys.keyOf(byIban)).isPresent().get().asString().matches("cp-[0-9a-f]{24}").doesNotContain("0300500700");
        assertThat(keys.keyOf(byIban)).isEqualTo(keys.keyOf(sameIbanOtherName));
        assertThat(keys.keyOf(byIban)).isNotEqualTo(other.keyOf(byIban));
        assertThat(keys.keyOf(line("Bakkerij", null))).isEqualTo(keys.keyOf(line(" bakkerij ", null)));
        assertThat(keys.keyOf(line(null, null))).isEmpty();
        assertThatThrownBy(() -> new CounterpartyKeys(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStatementIdentifiesItsAccountByIbanOrAccountNumber() {
        Iban linked = Iban.parse("NL91ABNA0417164300");
        assertThat(header("NL91ABNA0417164300", linked).identifies(linked)).isTrue();
        assertThat(header("NL02ABNA0123456789", Iban.parse("NL02ABNA0123456789")).identifies(linked)).isFalse();
        assertThat(header("417164300", null).identifies(linked)).isTrue();
        assertThat(header("0417164300", null).identifies(linked)).isTrue();
        assertThat(header("ABNANL2A/417164300", null).identifies(linked)).isTrue();
        assertThat(header("417164301", null).identifies(linked)).isFalse();
        assertThat(header("NL50RABO0123456789", null).identifies(linked)).isFalse();
    }

    @Test
    void theSealedTextHoldsThePersonalPartAndStaysWithinItsLimit() {
        StatementLine line = new StatementLine(1, LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-05"), Money.eur("1.00"),
                "A. Yilmaz", "NL55RABO0300500700", "Maaltijd", new EntryReference("r1", EntryReference.Kind.BANK), null,
                "x".repeat(StatementLine.MAX_SOURCE_CHARS + 50));
        assertThat(line.sourceText()).hasSize(StatementLine.MAX_SOURCE_CHARS).endsWith("\u2026");
        assertThat(line.detailsText()).startsWith("name: A. Yilmaz\naccount: NL55RABO0300500700\ndescription: Maaltijd\nsource: xxx")
                .hasSize(StatementLine.MAX_DETAILS_CHARS);
        assertThat(line.detailsText().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(3 * StatementLine.MAX_DETAILS_CHARS);
        assertThat(line.detailsText(500)).startsWith("name: A. Yilmaz\naccount: NL55RABO0300500700\ndescription: Maaltijd\nsource: xxx")
                .hasSize(500);
    }

    @Test
    void aLineIsInEuros() {
        assertThatThrownBy(() -> new StatementLine(1, LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-05"),
                new Money(java.math.BigDecimal.ONE, java.util.Currency.getInstance("USD")), null, null, "",
                new EntryReference("r1", EntryReference.Kind.BANK), null, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntryReference("two words", EntryReference.Kind.BANK)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EntryReference.ofBank("NONREF")).isNull();
        assertThat(EntryReference.ofBank(" 14237654096217 ")).isEqualTo(new EntryReference("14237654096217", EntryReference.Kind.BANK));
    }

    static StatementLine line(String name, String account) {
        return new StatementLine(1, LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-05"), Money.eur("1.00"), name, account, "",
                new EntryReference("r1", EntryReference.Kind.BANK), null, "");
    }

    static StatementHeader header(String account, Iban iban) {
        return new StatementHeader(account, iban, null, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), null, null);
    }

    @Test
    void anAccountNamedAsIbanWithItsCurrencyIsThatIban() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 5);
        nl.wederkerig.core.shared.Iban account = SyntheticCamt053.dutchIban("INGB", 12_345L);
        StatementHeader ing = new StatementHeader(account.value() + "EUR", null, "1", day, day, null, null);
        assertThat(ing.identifies(account)).isTrue();
        assertThat(ing.identifies(nl.wederkerig.core.shared.Iban.parse("NL91ABNA0417164300"))).isFalse();
    }
}
