package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Money;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One statement of one account: its header and its booked lines in file order. */
public record BankStatement(StatementFormat format, StatementHeader header, List<StatementLine> lines) {

    public BankStatement {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(header, "header");
        lines = List.copyOf(lines);
        if (lines.size() > StatementReader.MAX_LINES_PER_STATEMENT) {
            throw new StatementRefused(StatementRefused.Reason.TOO_MANY_LINES, 0,
                    "a statement holds at most " + StatementReader.MAX_LINES_PER_STATEMENT + " lines");
        }
    }

    /** The sum of all lines, exact. */
    public Money sumOfLines() {
        long cents = 0;
        for (StatementLine line : lines) {
            cents = Math.addExact(cents, line.amount().cents());
        }
        return Money.ofCents(cents, Money.EUR);
    }

    /** Opening balance plus the lines minus the closing balance, when the statement states both balances; zero when it adds up. */
    public Optional<Money> discrepancy() {
        if (header.openingBalance() == null || header.closingBalance() == null) {
            return Optional.empty();
        }
        return Optional.of(header.openingBalance().plus(sumOfLines()).minus(header.closingBalance()));
    }
}
