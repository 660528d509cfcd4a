package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Writes well-formed camt.053.001.02 statements of any size with known contents, for tests and for
 * the benchmark that imports a 5,000-line statement (docs/performance.md). Deterministic: the same
 * seed gives the same file. Every line has a unique {@code AcctSvcrRef}, a valid counterparty IBAN
 * from a small pool (so counterparties repeat, as in life), and every third a {@code WDK-} reference.
 * Not used by the application itself.
 */
public final class SyntheticCamt053 {

    /** One line to write. {@code reference} is the id after {@code WDK-} or {@code null}. */
    public record Line(LocalDate bookingDate, long amountCents, String counterpartyName, Iban counterpartyIban,
                       String reference, String bankReference) {

        public Line {
            Objects.requireNonNull(bookingDate);
            if (amountCents == 0) {
                throw new IllegalArgumentException("a bank line moves money");
            }
        }
    }

    private SyntheticCamt053() {
    }

    /**
     * {@code count} lines spread over the days from {@code from}, amounts between -€250 and +€500,
     * references {@code gen-<n>} on every third line.
     */
    public static List<Line> lines(int count, LocalDate from, int days, long seed) {
        if (count < 0 || count > StatementReader.MAX_LINES_PER_STATEMENT || days < 1) {
            throw new IllegalArgumentException("0 to " + StatementReader.MAX_LINES_PER_STATEMENT + " lines over at least one day");
        }
        Random random = new Random(seed);
        List<Iban> pool = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pool.add(dutchIban("ABNA", 100_000_000L + random.nextInt(800_000_000)));
        }
        List<Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long cents = random.nextBoolean() ? 100 + random.nextInt(50_000) : -(100 + random.nextInt(25_000));
            int who = random.nextInt(pool.size());
            lines.add(new Line(from.plusDays((long) i * days / Math.max(1, count)), cents, "Tegenpartij " + who, pool.get(who),
                    i % 3 == 0 ? "gen-" + i : null, "SYN" + seed + "-" + i));
        }
        return lines;
    }

    /** The statement as camt.053.001.02 XML (UTF-8): opening balance, the lines, and the closing balance they add up to. */
    public static byte[] xml(Iban account, Money opening, LocalDate from, LocalDate to, List<Line> lines) {
        long closing = opening.cents();
        StringBuilder entries = new StringBuilder(lines.size() * 900);
        for (Line line : lines) {
            closing = Math.addExact(closing, line.amountCents());
            entry(entries, line);
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                <BkToCstmrStmt>
                <GrpHdr><MsgId>SYNTHETIC-%1$s</MsgId><CreDtTm>%3$sT18:00:00+01:00</CreDtTm></GrpHdr>
                <Stmt>
                <Id>SYN-%1$s-%2$s</Id>
                <CreDtTm>%3$sT18:00:00+01:00</CreDtTm>
                <FrToDt><FrDtTm>%2$sT00:00:00+01:00</FrDtTm><ToDtTm>%3$sT23:59:59+01:00</ToDtTm></FrToDt>
                <Acct><Id><IBAN>%1$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                %4$s
                %5$s
                %6$s</Stmt>
                </BkToCstmrStmt>
                </Document>
                """.formatted(account.value(), from, to, balance("OPBD", opening.cents(), from.minusDays(1)),
                balance("CLBD", closing, to), entries);
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String balance(String type, long cents, LocalDate on) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + type + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + decimal(Math.abs(cents))
                + "</Amt><CdtDbtInd>" + (cents < 0 ? "DBIT" : "CRDT") + "</CdtDbtInd><Dt><Dt>" + on + "</Dt></Dt></Bal>";
    }

    private static void entry(StringBuilder out, Line line) {
        boolean credit = line.amountCents() > 0;
        String party = credit ? "Dbtr" : "Cdtr";
        out.append("<Ntry><Amt Ccy=\"EUR\">").append(decimal(Math.abs(line.amountCents()))).append("</Amt><CdtDbtInd>")
                .append(credit ? "CRDT" : "DBIT").append("</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>").append(line.bookingDate())
                .append("</Dt></BookgDt><ValDt><Dt>").append(line.bookingDate()).append("</Dt></ValDt><AcctSvcrRef>")
                .append(line.bankReference()).append("</AcctSvcrRef><BkTxCd><Prtry><Cd>N").append(credit ? "541" : "658")
                .append("</Cd><Issr>ABNAMRO</Issr></Prtry></BkTxCd><NtryDtls><TxDtls><RltdPties><").append(party).append("><Nm>")
                .append(line.counterpartyName()).append("</Nm></").append(party).append("><").append(party).append("Acct><Id><IBAN>")
                .append(line.counterpartyIban().value()).append("</IBAN></Id></").append(party).append("Acct></RltdPties><RmtInf><Ustrd>")
                .append(line.reference() == null ? "Bijdrage buurtmaaltijd" : "Bijdrage " + PaymentReferences.forId(line.reference()))
                .append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
    }

    private static String decimal(long cents) {
        return Money.ofCents(cents, Money.EUR).amount().toPlainString();
    }

    /** A valid Dutch IBAN for a bank code and account number: check digits computed per ISO 13616. */
    public static Iban dutchIban(String bank, long accountNumber) {
        String bban = bank + String.format("%010d", accountNumber);
        String numeric = toDigits(bban + "NL00");
        int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        return new Iban("NL" + String.format("%02d", check) + bban);
    }

    private static String toDigits(String text) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return digits.toString();
    }
}
