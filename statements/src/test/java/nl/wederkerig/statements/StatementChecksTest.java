package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementChecksTest {

    static final LocalDate D1 = LocalDate.parse("2026-03-01");

    static StatementLine line(int position, String amount, String balanceAfter, LocalDate on) {
        return new StatementLine(position, on, on, Money.eur(amount), null, null, "", new EntryReference("r" + position,
                EntryReference.Kind.BANK), balanceAfter == null ? null : Money.eur(balanceAfter), "");
    }

    static BankStatement statement(String opening, String closing, StatementLine... lines) {
        return new BankStatement(StatementFormat.CAMT053, new StatementHeader("NL91ABNA0417164300", null, null, D1, D1.plusDays(30),
                opening == null ? null : Money.eur(opening), closing == null ? null : Money.eur(closing)), List.of(lines));
    }

    @Test
    void aStatementThatAddsUpPasses() {
        StatementChecks.requireImportable(statement("100.00", "70.50", line(1, "-40.00", null, D1), line(2, "10.50", null, D1)));
        StatementChecks.requireImportable(statement("100.00", "100.00"));
    }

    @Test
    void aStatementOffByOneCentIsRefused() {
        BankStatement off = statement("100.00", "70.51", line(1, "-40.00", null, D1), line(2, "10.50", null, D1));
        assertThat(off.discrepancy()).contains(Money.eur("-0.01"));
        assertThatThrownBy(() -> StatementChecks.requireImportable(off)).isInstanceOf(StatementRefused.class)
                .hasMessageContaining("-0.01").extracting(e -> ((StatementRefused) e).code()).isEqualTo("statement-does-not-add-up");
    }

    @Test
    void aBalanceAfterThatDoesNotFollowIsRefusedAtItsLine() {
        BankStatement broken = statement(null, null, line(1, "-40.00", "60.00", D1), line(2, "10.50", "70.00", D1));
        assertThatThrownBy(() -> StatementChecks.requireAddsUp(broken)).isInstanceOf(StatementRefused.class)
                .extracting(e -> ((StatementRefused) e).lineNumber()).isEqualTo(2);
        StatementChecks.requireAddsUp(statement(null, null, line(1, "-40.00", "60.00", D1), line(2, "10.50", "70.50", D1)));
    }

    @Test
    void withoutBalancesThereIsNothingToAddUp() {
        assertThat(statement(null, null, line(1, "5.00", null, D1)).discrepancy()).isEmpty();
        StatementChecks.requireAddsUp(statement(null, "99.00", line(1, "5.00", null, D1)));
    }

    @Test
    void aLineOutsideThePeriodIsRefused() {
        BankStatement outside = statement("0.00", "5.00", line(1, "5.00", null, D1.minusDays(1)));
        assertThatThrownBy(() -> StatementChecks.requireImportable(outside)).isInstanceOf(StatementRefused.class)
                .extracting(e -> ((StatementRefused) e).reason()).isEqualTo(StatementRefused.Reason.LINE_OUTSIDE_PERIOD);
        assertThat(StatementChecks.isImportable(outside)).isFalse();
    }
}
