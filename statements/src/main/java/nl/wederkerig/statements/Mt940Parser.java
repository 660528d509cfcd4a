package nl.wederkerig.statements;

import com.prowidesoftware.swift.model.SwiftBlock4;
import com.prowidesoftware.swift.model.SwiftMessage;
import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MT940 customer statements with Prowide's {@code pw-swift-core}. Dutch banks deliver them
 * in several shapes: with the SWIFT blocks {@code {1:}{2:}{4:...-}} (ING, Knab), with a bank
 * header such as {@code ABNANL2A / 940 / ABNANL2A} (ABN AMRO) or {@code :940:} (Rabobank), or
 * bare (Triodos); one file may hold several statements (Rabobank: one per day). So the file is
 * cut into one block per {@code :20:} and each block is wrapped in SWIFT blocks before Prowide
 * parses it (stack-notes.md).
 *
 * <p>A statement must have {@code :25:} (account), {@code :60F:}/{@code :60M:} (opening) and
 * {@code :62F:}/{@code :62M:} (closing); a file that stops before its closing balance, opens a
 * {@code {4:} block it never closes, or ends inside a {@code :61:} is refused as truncated.
 * Period: from the day after the opening balance's date (or the first booking, if earlier) to
 * the closing balance's date (or the last booking, if later), because banks differ in which day
 * {@code :60F:} carries. Counterparty and description come from {@code :86:}, whose continuation
 * lines are joined without a separator (SWIFT wraps text at 65 characters, mid-word), in the
 * three styles Dutch banks use: slash codes ({@code /CNTP/}, {@code /NAME/}, {@code /REMI/},
 * {@code /EREF/}, ...), labels ({@code IBAN:}, {@code NAAM:}, {@code OMSCHRIJVING:}, {@code REK:}),
 * and Triodos' {@code >2x} subfields.
 */
final class Mt940Parser {

    private static final String WRAPPER_HEAD = "{1:F01WEDERKRGXAXXX0000000000}{2:I940WEDERKRGXXXXN}{4:\r\n";
    private static final String WRAPPER_TAIL = "\r\n-}";

    private Mt940Parser() {
    }

    static StatementFile parse(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        int blockStart = normalised.indexOf("{4:");
        if (blockStart >= 0 && normalised.indexOf("-}", blockStart) < 0) {
            throw new StatementRefused(StatementRefused.Reason.TRUNCATED, 0, "the SWIFT text block {4: is never closed with -}");
        }
        List<List<String>> blocks = blocks(normalised);
        if (blocks.isEmpty()) {
            throw new StatementRefused(StatementRefused.Reason.NOT_MT940, 0, "no MT940 statement (:20:) in the file");
        }
        List<BankStatement> statements = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            statements.add(statement(blocks.get(i)));
        }
        return new StatementFile(StatementFormat.MT940, statements);
    }

    /** One list of lines per statement: from a line starting {@code :20:} up to the next, or to an end marker. */
    private static List<List<String>> blocks(String text) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (line.startsWith(":20:")) {
                current = new ArrayList<>();
                blocks.add(current);
            } else if (trimmed.equals("-") || trimmed.startsWith("-}") || trimmed.startsWith("{")) {
                current = null; // end of a SWIFT text block, or the next message's basic header
                continue;
            }
            if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    private static BankStatement statement(List<String> lines) {
        List<Tag> tags = tags(lines);
        String reference = value(tags, "20");
        String accountId = value(tags, "25");
        String sequence = value(tags, "28C") != null ? value(tags, "28C") : value(tags, "28");
        String opening = value(tags, "60F") != null ? value(tags, "60F") : value(tags, "60M");
        String closing = value(tags, "62F") != null ? value(tags, "62F") : value(tags, "62M");
        if (closing == null) {
            throw new StatementRefused(StatementRefused.Reason.TRUNCATED, 0, "the statement stops before its closing balance (:62F:)");
        }
        if (accountId == null || opening == null) {
            throw new StatementRefused(StatementRefused.Reason.TRUNCATED, 0, "the statement lacks its account (:25:) or opening balance (:60F:)");
        }
        Balance openingBalance = balance(opening);
        Balance closingBalance = balance(closing);
        String account = accountOf(accountId);
        List<RawLine> raw = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            if (!"61".equals(tags.get(i).getName())) {
                continue;
            }
            String details = i + 1 < tags.size() && "86".equals(tags.get(i + 1).getName()) ? tags.get(i + 1).getValue() : null;
            raw.add(line(raw.size() + 1, tags.get(i).getValue(), details));
            if (raw.size() > StatementReader.MAX_LINES_PER_STATEMENT) {
                throw new StatementRefused(StatementRefused.Reason.TOO_MANY_LINES, 0,
                        "a statement holds at most " + StatementReader.MAX_LINES_PER_STATEMENT + " lines");
            }
        }
        LocalDate from = openingBalance.date().plusDays(1);
        LocalDate to = closingBalance.date();
        for (RawLine line : raw) {
            from = line.bookingDate().isBefore(from) ? line.bookingDate() : from;
            to = line.bookingDate().isAfter(to) ? line.bookingDate() : to;
        }
        if (to.isBefore(from)) {
            from = to; // a statement without lines whose closing date is its opening date
        }
        String statementId = sequence == null ? reference : reference + "/" + sequence;
        Iban iban = Iban.isValid(account) ? Iban.parse(account) : null;
        StatementHeader header = new StatementHeader(account, iban, statementId == null ? null : statementId.strip(), from, to,
                openingBalance.amount(), closingBalance.amount());
        return new BankStatement(StatementFormat.MT940, header, References.assign(account, raw));
    }

    /** Prowide's reading of the block, wrapped in SWIFT blocks so it reads it as an MT940. */
    private static List<Tag> tags(List<String> lines) {
        SwiftMessage message;
        try {
            message = new MT940(WRAPPER_HEAD + String.join("\r\n", lines) + WRAPPER_TAIL).getSwiftMessage();
        } catch (RuntimeException e) {
            throw new StatementRefused(StatementRefused.Reason.NOT_MT940, 0, "the statement cannot be read as MT940");
        }
        SwiftBlock4 block = message == null ? null : message.getBlock4();
        if (block == null || block.getTags().isEmpty()) {
            throw new StatementRefused(StatementRefused.Reason.NOT_MT940, 0, "the statement cannot be read as MT940");
        }
        return block.getTags();
    }

    private static String value(List<Tag> tags, String name) {
        for (Tag tag : tags) {
            if (name.equals(tag.getName())) {
                return tag.getValue();
            }
        }
        return null;
    }

    /** {@code NL68INGB0000012345EUR} carries the currency after the IBAN; drop it. */
    private static String accountOf(String field25) {
        String account = field25.strip();
        if (account.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}(EUR|USD|GBP|CHF)")) {
            return account.substring(0, account.length() - 3);
        }
        return account;
    }

    private record Balance(LocalDate date, Money amount) {
    }

    /** {@code C141024EUR0,} or {@code D150116EUR10000,00}: mark, date, currency, amount. */
    private static Balance balance(String value) {
        String v = value.strip();
        if (v.length() < 11 || (v.charAt(0) != 'C' && v.charAt(0) != 'D')) {
            throw new StatementRefused(StatementRefused.Reason.TRUNCATED, 0, "a balance field is incomplete");
        }
        String currency = v.substring(7, 10);
        if (!"EUR".equals(currency)) {
            throw new StatementRefused(StatementRefused.Reason.NOT_EUR, 0, "the statement is kept in " + currency.replaceAll("[^A-Z]", "?"));
        }
        LocalDate date = swiftDate(v.substring(1, 7), 0);
        Money amount = DutchNumbers.eur(v.substring(10), 0);
        return new Balance(date, v.charAt(0) == 'D' ? Money.zero(Money.EUR).minus(amount) : amount);
    }

    private static RawLine line(int position, String field61, String field86) {
        Field61 f = new Field61(field61);
        String mark = f.getDebitCreditMark();
        if (f.getValueDate() == null || mark == null || f.getAmount() == null) {
            throw new StatementRefused(StatementRefused.Reason.LINE_UNREADABLE, position,
                    "a :61: line lacks its date, debit/credit mark or amount");
        }
        if (f.getFundsCode() != null && !f.getFundsCode().isEmpty() && !"R".equals(f.getFundsCode())) {
            // The funds code is the currency's third letter: EUR ends in R.
            throw new StatementRefused(StatementRefused.Reason.NOT_EUR, position, "a line in another currency than EUR");
        }
        LocalDate value = swiftDate(f.getValueDate(), position);
        LocalDate booked = f.getEntryDate() == null || f.getEntryDate().isBlank() ? value : entryDate(value, f.getEntryDate(), position);
        Money amount = DutchNumbers.eur(f.getAmount(), position);
        boolean debit = switch (mark) {
            case "D", "RC", "ED" -> true; // a reversed credit is money out
            case "C", "RD", "EC" -> false;
            default -> throw DutchNumbers.unreadable(position, "a debit/credit mark");
        };
        PaymentDetails details = PaymentDetails.of(field86 == null ? "" : field86.replace("\r", "").replace("\n", ""));
        String account = details.account() != null ? details.account() : supplementaryAccount(f.getSupplementaryDetails());
        String source = ":61:" + field61 + (field86 == null ? "" : "\n:86:" + field86);
        return new RawLine(position, booked, value, debit ? Money.zero(Money.EUR).minus(amount) : amount, details.name(), account,
                details.description(), null, source, f.getReferenceOfTheAccountServicingInstitution());
    }

    /** Rabobank puts the counterparty's account on the line after {@code :61:}. */
    private static String supplementaryAccount(String supplementary) {
        if (supplementary == null) {
            return null;
        }
        String candidate = supplementary.strip();
        return candidate.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}|[0-9]{7,10}") ? candidate : null;
    }

    private static LocalDate swiftDate(String yymmdd, int line) {
        if (yymmdd == null || !yymmdd.matches("[0-9]{6}")) {
            throw DutchNumbers.unreadable(line, "a date as YYMMDD");
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        String full = (yy < 80 ? 2000 + yy : 1900 + yy) + yymmdd.substring(2);
        return DutchNumbers.date(full, "yyyyMMdd", line);
    }

    /** The booking date's month and day, in the year that puts it nearest the value date. */
    private static LocalDate entryDate(LocalDate valueDate, String mmdd, int line) {
        if (!mmdd.matches("[0-9]{4}")) {
            throw DutchNumbers.unreadable(line, "a booking date as MMDD");
        }
        LocalDate best = null;
        for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
            LocalDate candidate;
            try {
                candidate = DutchNumbers.date(year + mmdd, "yyyyMMdd", line);
            } catch (StatementRefused notInThatYear) {
                continue; // 29 February
            }
            if (best == null || Math.abs(candidate.toEpochDay() - valueDate.toEpochDay()) < Math.abs(best.toEpochDay() - valueDate.toEpochDay())) {
                best = candidate;
            }
        }
        if (best == null) {
            throw DutchNumbers.unreadable(line, "a booking date");
        }
        return best;
    }
}
