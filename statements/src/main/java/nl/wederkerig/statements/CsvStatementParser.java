package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CSV (and tab-separated) exports of Dutch banks. A file's columns must be exactly those
 * of its layout, in order: a column more, less or renamed refuses the file, so a changed export is
 * noticed rather than misread. Rows of several accounts become one statement per account. CSV
 * states no period: a statement runs from its first to its last booking date. Where rows give the
 * balance after them, the opening balance is the first row's balance minus its amount, and the
 * closing balance the last row's; rows listed newest first (ING) are put in date order.
 *
 * <table>
 *   <caption>Layouts</caption>
 *   <tr><th>layout</th><th>shape</th><th>source of the layout</th></tr>
 *   <tr><td>ING</td><td>header {@value #ING_HEADER_SEMICOLON} ({@code ;}, since 2020) or
 *       {@value #ING_HEADER_COMMA} ({@code ,}, older); date {@code yyyyMMdd}; unsigned amount with
 *       {@code Af}/{@code Bij}; no entry reference (content hash)</td>
 *       <td>ING's download "Kommagescheiden CSV"; the header is the one public importers (e.g. Firefly III
 *       configurations, ofx converters) match on</td></tr>
 *   <tr><td>Rabobank</td><td>header of 26 columns {@value #RABOBANK_HEADER} ({@code ,}, all quoted); date
 *       {@code yyyy-MM-dd}; signed amount; reference {@code Volgnr}</td>
 *       <td>Rabobank "Formaatbeschrijving CSV (csv-extensie)" v1.0, December 2017</td></tr>
 *   <tr><td>ABN AMRO</td><td>TXT/TAB download: no header, 8 tab-separated columns (account number,
 *       currency, transaction date {@code yyyyMMdd}, balance before, balance after, interest date,
 *       signed amount, description); no entry reference (content hash)</td>
 *       <td>ABN AMRO Internet Bankieren "Mutaties downloaden", format TXT</td></tr>
 *   <tr><td>Triodos</td><td>no header, 9 columns ({@code ,}, quoted): date {@code dd-MM-yyyy}, account,
 *       amount {@code 1.234,56}, {@code Debet}/{@code Credit}, counterparty name, counterparty account,
 *       transaction code, description, balance after; no entry reference (content hash)</td>
 *       <td>Triodos Internetbankieren CSV download as read by public importers (beangulp, hledger
 *       preprocessors)</td></tr>
 * </table>
 */
final class CsvStatementParser {

    static final String ING_HEADER_SEMICOLON = "Datum;Naam / Omschrijving;Rekening;Tegenrekening;Code;Af Bij;Bedrag (EUR);"
            + "Mutatiesoort;Mededelingen;Saldo na mutatie;Tag";
    static final String ING_HEADER_COMMA = "Datum,Naam / Omschrijving,Rekening,Tegenrekening,Code,Af Bij,Bedrag (EUR),"
            + "MutatieSoort,Mededelingen";
    static final String RABOBANK_HEADER = "IBAN/BBAN,Munt,BIC,Volgnr,Datum,Rentedatum,Bedrag,Saldo na trn,"
            + "Tegenrekening IBAN/BBAN,Naam tegenpartij,Naam uiteindelijke partij,Naam initiërende partij,BIC tegenpartij,Code,"
            + "Batch ID,Transactiereferentie,Machtigingskenmerk,Incassant ID,Betalingskenmerk,Omschrijving-1,Omschrijving-2,"
            + "Omschrijving-3,Reden retour,Oorspr bedrag,Oorspr munt,Koers";
    static final int ABNAMRO_COLUMNS = 8;
    static final int TRIODOS_COLUMNS = 9;

    private CsvStatementParser() {
    }

    static StatementFile parse(String text, CsvLayout layout) {
        List<Row> rows = switch (layout) {
            case ING -> ing(text);
            case RABOBANK -> rabobank(text);
            case ABNAMRO -> abnAmro(text);
            case TRIODOS -> triodos(text);
        };
        if (rows.isEmpty()) {
            throw new StatementRefused(StatementRefused.Reason.EMPTY, 0, "the file holds no statement lines");
        }
        Map<String, List<Row>> byAccount = new LinkedHashMap<>();
        for (Row row : rows) {
            byAccount.computeIfAbsent(row.account(), account -> new ArrayList<>()).add(row);
        }
        List<BankStatement> statements = new ArrayList<>();
        byAccount.forEach((account, accountRows) -> statements.add(statement(layout.format(), account, accountRows)));
        return new StatementFile(layout.format(), statements);
    }

    /** A row read from the file: its line, its own account, the balance before it (ABN AMRO only) and the line. */
    private record Row(String account, Money balanceBefore, RawLine line) {
    }

    private static BankStatement statement(StatementFormat format, String account, List<Row> rows) {
        if (rows.size() > StatementReader.MAX_LINES_PER_STATEMENT) {
            throw new StatementRefused(StatementRefused.Reason.TOO_MANY_LINES, 0,
                    "a statement holds at most " + StatementReader.MAX_LINES_PER_STATEMENT + " lines");
        }
        List<Row> ordered = chronological(rows);
        List<RawLine> lines = new ArrayList<>(ordered.size());
        LocalDate from = null;
        LocalDate to = null;
        for (int i = 0; i < ordered.size(); i++) {
            RawLine line = ordered.get(i).line();
            lines.add(new RawLine(i + 1, line.bookingDate(), line.valueDate(), line.amount(), line.counterpartyName(),
                    line.counterpartyAccount(), line.description(), line.balanceAfter(), line.sourceText(), line.bankReference()));
            from = from == null || line.bookingDate().isBefore(from) ? line.bookingDate() : from;
            to = to == null || line.bookingDate().isAfter(to) ? line.bookingDate() : to;
        }
        Row first = ordered.get(0);
        Row last = ordered.get(ordered.size() - 1);
        Money opening = first.balanceBefore() != null ? first.balanceBefore()
                : first.line().balanceAfter() == null ? null : first.line().balanceAfter().minus(first.line().amount());
        Money closing = last.line().balanceAfter();
        Iban iban = Iban.isValid(account) ? Iban.parse(account) : null;
        return new BankStatement(format, new StatementHeader(account, iban, null, from, to, opening, closing),
                References.assign(account, lines));
    }

    /**
     * Rows in booking-date order. ING lists the newest first; within a day only the balances tell
     * the order, so a file whose balances chain backwards is read backwards.
     */
    private static List<Row> chronological(List<Row> rows) {
        LocalDate first = rows.get(0).line().bookingDate();
        LocalDate last = rows.get(rows.size() - 1).line().bookingDate();
        boolean newestFirst = first.isAfter(last) || first.equals(last) && !chains(rows) && chains(reversed(rows));
        return newestFirst ? reversed(rows) : rows;
    }

    private static List<Row> reversed(List<Row> rows) {
        List<Row> copy = new ArrayList<>(rows);
        Collections.reverse(copy);
        return copy;
    }

    private static boolean chains(List<Row> rows) {
        for (int i = 1; i < rows.size(); i++) {
            Money before = rows.get(i - 1).line().balanceAfter();
            Money after = rows.get(i).line().balanceAfter();
            if (before == null || after == null || !before.plus(rows.get(i).line().amount()).equals(after)) {
                return false;
            }
        }
        return true;
    }

    // ---- ING ----

    private static List<Row> ing(String text) {
        boolean semicolon = firstLine(text).contains(";");
        char separator = semicolon ? ';' : ',';
        String expected = semicolon ? ING_HEADER_SEMICOLON : ING_HEADER_COMMA;
        requireHeader(text, expected, separator);
        List<CsvRecords.Record> records = CsvRecords.parse(text, separator, true);
        List<Row> rows = new ArrayList<>();
        int columns = expected.split(String.valueOf(separator)).length;
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            List<String> f = requireColumns(record, columns);
            int line = record.lineNumber();
            LocalDate date = DutchNumbers.date(f.get(0), "yyyyMMdd", line);
            Money amount = DutchNumbers.eur(f.get(6), line);
            if (amount.amount().signum() < 0) {
                throw DutchNumbers.unreadable(line, "an unsigned amount (the sign is in Af Bij)");
            }
            Money signed = switch (f.get(5).strip().toLowerCase(Locale.ROOT)) {
                case "af" -> Money.zero(Money.EUR).minus(amount);
                case "bij" -> amount;
                default -> throw DutchNumbers.unreadable(line, "Af or Bij");
            };
            Money balance = semicolon && !f.get(9).isBlank() ? DutchNumbers.eur(f.get(9), line) : null;
            rows.add(new Row(ownAccount(f.get(2), line), null, new RawLine(line, date, date, signed, f.get(1), f.get(3), f.get(8),
                    balance, record.raw(), null)));
        }
        return rows;
    }

    // ---- Rabobank ----

    private static List<Row> rabobank(String text) {
        requireHeader(text, RABOBANK_HEADER, ',');
        List<CsvRecords.Record> records = CsvRecords.parse(text, ',', true);
        int columns = RABOBANK_HEADER.split(",").length;
        List<Row> rows = new ArrayList<>();
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            List<String> f = requireColumns(record, columns);
            int line = record.lineNumber();
            if (!"EUR".equals(f.get(1).strip())) {
                throw new StatementRefused(StatementRefused.Reason.NOT_EUR, line, "a line in another currency than EUR");
            }
            LocalDate booked = DutchNumbers.date(f.get(4), "yyyy-MM-dd", line);
            LocalDate value = f.get(5).isBlank() ? booked : DutchNumbers.date(f.get(5), "yyyy-MM-dd", line);
            String description = String.join(" ", nonBlank(f.get(19), f.get(20), f.get(21), f.get(18)));
            rows.add(new Row(ownAccount(f.get(0), line), null, new RawLine(line, booked, value, DutchNumbers.eur(f.get(6), line),
                    f.get(9), f.get(8), description, f.get(7).isBlank() ? null : DutchNumbers.eur(f.get(7), line), record.raw(),
                    f.get(3).isBlank() ? null : f.get(3).strip())));
        }
        return rows;
    }

    // ---- ABN AMRO (TXT/TAB) ----

    private static List<Row> abnAmro(String text) {
        List<CsvRecords.Record> records = CsvRecords.parse(text, '\t', false);
        List<Row> rows = new ArrayList<>();
        for (CsvRecords.Record record : records) {
            List<String> f = requireColumns(record, ABNAMRO_COLUMNS);
            int line = record.lineNumber();
            if (!"EUR".equals(f.get(1).strip())) {
                throw new StatementRefused(StatementRefused.Reason.NOT_EUR, line, "a line in another currency than EUR");
            }
            LocalDate booked = DutchNumbers.date(f.get(2), "yyyyMMdd", line);
            LocalDate value = DutchNumbers.date(f.get(5), "yyyyMMdd", line);
            Money before = DutchNumbers.eur(f.get(3), line);
            Money after = DutchNumbers.eur(f.get(4), line);
            PaymentDetails details = PaymentDetails.of(f.get(7).strip());
            rows.add(new Row(ownAccount(f.get(0), line), before, new RawLine(line, booked, value, DutchNumbers.eur(f.get(6), line),
                    details.name(), details.account(), details.description(), after, record.raw(), null)));
        }
        return rows;
    }

    // ---- Triodos ----

    private static List<Row> triodos(String text) {
        List<CsvRecords.Record> records = CsvRecords.parse(text, ',', true);
        List<Row> rows = new ArrayList<>();
        for (CsvRecords.Record record : records) {
            List<String> f = requireColumns(record, TRIODOS_COLUMNS);
            int line = record.lineNumber();
            if (!f.get(0).strip().matches("[0-9]{2}-[0-9]{2}-[0-9]{4}")) {
                // a header row or a moved column: Triodos exports have none, so the layout is not this one
                throw new StatementRefused(StatementRefused.Reason.CSV_COLUMNS, line,
                        "expected the Triodos columns (date, account, amount, Debet/Credit, name, counter account, code, description, balance)");
            }
            LocalDate date = DutchNumbers.date(f.get(0), "dd-MM-yyyy", line);
            Money amount = DutchNumbers.eur(f.get(2), line);
            if (amount.amount().signum() < 0) {
                throw DutchNumbers.unreadable(line, "an unsigned amount (the sign is in Debet/Credit)");
            }
            Money signed = switch (f.get(3).strip().toLowerCase(Locale.ROOT)) {
                case "debet" -> Money.zero(Money.EUR).minus(amount);
                case "credit" -> amount;
                default -> throw DutchNumbers.unreadable(line, "Debet or Credit");
            };
            rows.add(new Row(ownAccount(f.get(1), line), null, new RawLine(line, date, date, signed, f.get(4), f.get(5), f.get(7),
                    f.get(8).isBlank() ? null : DutchNumbers.eur(f.get(8), line), record.raw(), null)));
        }
        return rows;
    }

    // ---- shared ----

    /** The first line must be the layout's header, column for column (case and surrounding spaces aside). */
    private static void requireHeader(String text, String expected, char separator) {
        StatementRefused wrongColumns = new StatementRefused(StatementRefused.Reason.CSV_COLUMNS, 1,
                "the columns must be exactly: " + expected.replace(String.valueOf(separator), ", "));
        List<CsvRecords.Record> first;
        try {
            first = CsvRecords.parse(firstLine(text), separator, true);
        } catch (StatementRefused unreadableHeader) {
            throw wrongColumns;
        }
        if (first.isEmpty()) {
            throw new StatementRefused(StatementRefused.Reason.EMPTY, 0, "the file is empty");
        }
        List<String> header = first.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(List.of(expected.toLowerCase(Locale.ROOT).split(String.valueOf(separator))))) {
            throw wrongColumns;
        }
    }

    private static List<String> requireColumns(CsvRecords.Record record, int columns) {
        if (record.fields().size() != columns) {
            throw new StatementRefused(StatementRefused.Reason.CSV_COLUMNS, record.lineNumber(),
                    record.fields().size() + " columns where the layout has " + columns);
        }
        return record.fields();
    }

    private static String ownAccount(String account, int line) {
        String compact = account == null ? "" : account.replace(" ", "").strip();
        if (compact.isEmpty() || compact.length() > 34) {
            throw DutchNumbers.unreadable(line, "the account the line belongs to");
        }
        return compact.toUpperCase(Locale.ROOT);
    }

    private static List<String> nonBlank(String... values) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        return kept;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
