package nl.wederkerig.core.journal;

import java.util.stream.Collectors;

/**
 * Writes entries as hledger / ledger-cli journal text: {@code 2026-11-23 (code) description}, then
 * one indented posting per line with an explicit amount, e.g. {@code 12.50 EUR} or {@code 140 MIN}.
 */
public final class Hledger {

    private Hledger() {
    }

    public static String format(JournalEntry entry) {
        String postings = entry.postings().stream()
                .map(p -> "    " + p.account() + "  " + p.amount().toPlainString() + " " + p.unit().name())
                .collect(Collectors.joining("\n"));
        return entry.date() + " (" + entry.code() + ") " + entry.description() + "\n" + postings + "\n";
    }
}
