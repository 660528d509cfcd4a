package nl.wederkerig.core.journal;

import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * Writes entries as hledger / ledger-cli journal text: {@code 2026-11-23 (code) description}, then
 * one indented posting per line with an explicit amount, e.g. {@code 12.50 EUR} or {@code 140 MIN}.
 */
public final class Hledger {

    private Hledger() {
    }

    /**
     * A balance assertion as an entry with one posting of nothing: {@code 2026-01-31 (close-1) period closed},
     * then {@code assets:initiative:i:bank  0.00 EUR = 1431.85 EUR}. hledger 1.25 and ledger-cli 3.3 both
     * check it and fail the file when the balance differs.
     */
    public static String format(BalanceAssertion assertion) {
        String zero = BigDecimal.valueOf(0, assertion.unit().decimals()).toPlainString();
        return assertion.date() + " (" + assertion.code() + ") " + assertion.description() + "\n    " + assertion.account() + "  "
                + zero + " " + assertion.unit().name() + " = " + assertion.amount().toPlainString() + " " + assertion.unit().name() + "\n";
    }

    public static String format(JournalEntry entry) {
        String postings = entry.postings().stream()
                .map(p -> "    " + p.account() + "  " + p.amount().toPlainString() + " " + p.unit().name())
                .collect(Collectors.joining("\n"));
        return entry.date() + " (" + entry.code() + ") " + entry.description() + "\n" + postings + "\n";
    }
}
