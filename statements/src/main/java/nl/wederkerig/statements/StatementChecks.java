package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Money;

/**
 * The checks an import applies after parsing, kept apart from the parsers on purpose: public test
 * files (and a bank's odd export) parse fine but often do not add up, and a reader that refused
 * them could not even show why. The import refuses a statement that fails here; nothing of it is
 * stored.
 *
 * <ul>
 *   <li>opening balance plus every line is the closing balance (where the statement states both);</li>
 *   <li>where lines state the balance after them (CSV of ING, Rabobank, Triodos; ABN AMRO TXT), each
 *       follows from the one before;</li>
 *   <li>every line is booked within the period the statement says it covers.</li>
 * </ul>
 */
public final class StatementChecks {

    private StatementChecks() {
    }

    /** Every check on every statement of the file; the first failure refuses the whole file. */
    public static void requireImportable(StatementFile file) {
        file.statements().forEach(StatementChecks::requireImportable);
    }

    public static void requireImportable(BankStatement statement) {
        requireAddsUp(statement);
        requireWithinPeriod(statement);
    }

    public static void requireAddsUp(BankStatement statement) {
        Money running = statement.header().openingBalance();
        for (StatementLine line : statement.lines()) {
            running = running == null ? null : running.plus(line.amount());
            if (line.balanceAfter() != null) {
                if (running != null && !running.equals(line.balanceAfter())) {
                    throw new StatementRefused(StatementRefused.Reason.DOES_NOT_ADD_UP, line.position(),
                            "the balance after this line does not follow from the balance before it and its amount");
                }
                running = line.balanceAfter();
            }
        }
        statement.discrepancy().filter(difference -> !difference.isZero()).ifPresent(difference -> {
            throw new StatementRefused(StatementRefused.Reason.DOES_NOT_ADD_UP, 0,
                    "opening balance plus the lines differs from the closing balance by " + difference);
        });
    }

    public static void requireWithinPeriod(BankStatement statement) {
        for (StatementLine line : statement.lines()) {
            if (line.bookingDate().isBefore(statement.header().from()) || line.bookingDate().isAfter(statement.header().to())) {
                throw new StatementRefused(StatementRefused.Reason.LINE_OUTSIDE_PERIOD, line.position(),
                        "booked on " + line.bookingDate() + ", outside the statement's period " + statement.header().from()
                                + " to " + statement.header().to());
            }
        }
    }

    /** Whether {@link #requireImportable(BankStatement)} would pass. */
    public static boolean isImportable(BankStatement statement) {
        try {
            requireImportable(statement);
            return true;
        } catch (StatementRefused refused) {
            return false;
        }
    }
}
