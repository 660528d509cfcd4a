package nl.wederkerig.core.reconciliation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.ClaimInformationProvided;
import nl.wederkerig.core.claims.ClaimInformationRequested;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReasonCode;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.SealedText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The new events are a contract like the others: they survive a JSON round trip, and keep personal data sealed. */
class ReconciliationEventJsonTest {

    static final CommunityId WEST = CommunityId.of("west");
    static final InitiativeId I = InitiativeId.of("i0");
    static final MemberId M = MemberId.of("m1");
    static final Iban ACCOUNT = Iban.parse("NL91ABNA0417164300");

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void eventsRoundTrip() throws Exception {
        BankLine line = new BankLine(BankLineId.of("h-0123456789abcdef0123456789abcdef"), TODAY, TODAY, Money.eur("-12.50"),
                PaymentReference.of("claim-17"), CounterpartyKey.of("cp-0123456789abcdef01234567"), new SealedText("cp-x", "c2VhbGVk"));
        List<Object> events = List.of(
                new BankAccountLinked(I, WEST, CommandId.of("c1"), ACCOUNT, ActingAs.COORDINATOR, TODAY, M, NOW),
                new StatementImported(I, WEST, CommandId.of("s1"), ACCOUNT, StatementSource.MT940, TODAY.minusDays(30), TODAY,
                        Money.eur("10.00"), Money.eur("-2.50"), Continuity.GAP, List.of(line), List.of(BankLineId.of("ABN-1")), "ab12",
                        TODAY, M, NOW),
                new StatementImported(I, WEST, CommandId.of("s2"), ACCOUNT, StatementSource.CSV_ING, TODAY, TODAY, null, null,
                        Continuity.FIRST, List.of(), List.of(), "cd34", TODAY, M, NOW),
                new BankLinesMatched(I, WEST, CommandId.of("m1"), List.of(line.lineId()), List.of(CommandId.of("e1"), CommandId.of("e2")),
                        Money.eur("-12.50"), TODAY, M, NOW),
                new PeriodClosed(I, WEST, CommandId.of("close"), ACCOUNT, TODAY.minusDays(30), TODAY, Money.eur("1431.85"), TODAY, M, NOW),
                new PeriodReopened(I, WEST, CommandId.of("re"), CommandId.of("close"), TODAY, null, ReopenReason.BANK_CORRECTION,
                        ReasonCode.of("storno"), ActingAs.TREASURER, TODAY, M, NOW),
                new ClaimInformationRequested(ClaimId.of("claim-1"), WEST, I, CommandId.of("q"), M, new SealedText("m1", "cXVlc3Rpb24="),
                        TODAY, MemberId.of("m2"), NOW),
                new ClaimInformationProvided(ClaimId.of("claim-1"), WEST, I, CommandId.of("a"), new SealedText("m1", "YW5zd2Vy"),
                        ReceiptReference.of("bon-2"), TODAY, M, NOW));
        for (Object event : events) {
            String text = json.writeValueAsString(event);
            assertThat(json.readValue(text, event.getClass())).as(text).isEqualTo(event);
        }
    }

    @Test
    void aStatementKeepsTheAccountInClearAndTheLinesPersonalPartSealed() throws Exception {
        BankLine line = new BankLine(BankLineId.of("ABN-1"), TODAY, TODAY, Money.eur("5.00"), null,
                CounterpartyKey.of("cp-0123456789abcdef01234567"), new SealedText("cp-0123456789abcdef01234567", "c2VhbGVk"));
        String text = json.writeValueAsString(new StatementImported(I, WEST, CommandId.of("s1"), ACCOUNT, StatementSource.CAMT053,
                TODAY, TODAY, null, null, Continuity.FIRST, List.of(line), List.of(), "ab", TODAY, M, NOW));
        assertThat(text).contains("\"iban\":\"NL91ABNA0417164300\"", "\"lineId\":\"ABN-1\"", "\"amount\":{\"amount\":\"5.00\",\"currency\":\"EUR\"}",
                "\"details\":{\"keyId\":\"cp-0123456789abcdef01234567\",\"ciphertextBase64\":\"c2VhbGVk\"}");
    }
}
