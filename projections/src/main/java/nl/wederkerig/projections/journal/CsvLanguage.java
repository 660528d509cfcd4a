package nl.wederkerig.projections.journal;

import java.util.List;

/**
 * The language of the CSV's header row and of its debit/credit cells; the other cells are ids,
 * dates, numbers and the journal's fixed phrases, the same in both. The columns and their order
 * never change with the language, so a program may read either by position.
 */
public enum CsvLanguage {

    DUTCH(List.of("boekdatum", "vastgelegd", "boeking", "referentie", "omschrijving", "rekening", "debet_credit", "bedrag",
            "eenheid", "hoeveelheid", "saldo", "link"), "debet", "credit"),
    ENGLISH(List.of("date", "recorded", "entry", "reference", "description", "account", "debit_credit", "amount", "unit",
            "quantity", "balance", "link"), "debit", "credit");

    private final List<String> header;
    private final String debit;
    private final String credit;

    CsvLanguage(List<String> header, String debit, String credit) {
        this.header = header;
        this.debit = debit;
        this.credit = credit;
    }

    public List<String> header() {
        return header;
    }

    /** A posting of zero or more is a debit, below zero a credit (the hledger sign convention). */
    String side(long quantity) {
        return quantity < 0 ? credit : debit;
    }
}
