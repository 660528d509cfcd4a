package nl.wederkerig.core.journal;

import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.reconciliation.PeriodReopened;
import nl.wederkerig.core.reconciliation.ReopenReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A period close is a balance assertion on the fund's bank account, not an entry; a reopening withdraws it. */
class BalanceAssertionTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final LocalDate OCT_31 = LocalDate.parse("2026-10-31");

    static PeriodClosed closed(String balance) {
        return new PeriodClosed(MEALS, WEST, CommandId.of("close-okt"), Iban.parse("NL91ABNA0417164300"), LocalDate.parse("2026-10-01"),
                OCT_31, Money.eur(balance), TODAY, MemberId.of("dewi"), NOW);
    }

    @Test
    void aCloseAssertsTheBankBalanceAtTheEndOfItsLastDay() {
        assertThat(Journal.assertionFor(closed("1431.85"))).contains(new BalanceAssertion(WEST, "close-okt", OCT_31, "period closed",
                "assets:initiative:aanschuiven:bank", Unit.EUR, 143_185));
        assertThat(new Journal().entryFor(closed("1431.85"))).as("it moves nothing").isEmpty();
    }

    @Test
    void writtenAsAnEntryOfNothingWithTheAssertion() {
        assertThat(Hledger.format(Journal.assertionFor(closed("1431.85")).orElseThrow())).isEqualTo("""
                2026-10-31 (close-okt) period closed
                    assets:initiative:aanschuiven:bank  0.00 EUR = 1431.85 EUR
                """);
        assertThat(Hledger.format(Journal.assertionFor(closed("0.00")).orElseThrow())).contains("0.00 EUR = 0.00 EUR");
    }

    @Test
    void aReopeningWithdrawsTheClosesAssertion() {
        PeriodReopened reopened = new PeriodReopened(MEALS, WEST, CommandId.of("re-1"), CommandId.of("close-okt"), OCT_31, null,
                ReopenReason.ENTRY_MISSING, null, ActingAs.TREASURER, TODAY, MemberId.of("eva"), NOW);
        assertThat(Journal.withdrawnAssertionFor(reopened))
                .contains(new BalanceAssertion.Key(WEST, "assets:initiative:aanschuiven:bank", "close-okt"));
        assertThat(Journal.assertionFor(closed("1.00")).orElseThrow().key()).isEqualTo(Journal.withdrawnAssertionFor(reopened).orElseThrow());
        assertThat(Journal.withdrawnAssertionFor(closed("1.00"))).isEmpty();
        assertThat(Journal.assertionFor(reopened)).isEmpty();
    }

    @Test
    void anAssertionNamesAValidAccount() {
        assertThatThrownBy(() -> new BalanceAssertion(WEST, "c", OCT_31, "period closed", "Assets Bank", Unit.EUR, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
