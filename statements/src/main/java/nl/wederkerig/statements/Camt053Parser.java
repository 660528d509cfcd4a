package nl.wederkerig.statements;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.statements.camt053.jaxb.AccountIdentification4Choice;
import nl.wederkerig.statements.camt053.jaxb.AccountStatement2;
import nl.wederkerig.statements.camt053.jaxb.ActiveOrHistoricCurrencyAndAmount;
import nl.wederkerig.statements.camt053.jaxb.BalanceType12Code;
import nl.wederkerig.statements.camt053.jaxb.BankToCustomerStatementV02;
import nl.wederkerig.statements.camt053.jaxb.CashAccount16;
import nl.wederkerig.statements.camt053.jaxb.CashBalance3;
import nl.wederkerig.statements.camt053.jaxb.CreditDebitCode;
import nl.wederkerig.statements.camt053.jaxb.DateAndDateTimeChoice;
import nl.wederkerig.statements.camt053.jaxb.Document;
import nl.wederkerig.statements.camt053.jaxb.EntryDetails1;
import nl.wederkerig.statements.camt053.jaxb.EntryStatus2Code;
import nl.wederkerig.statements.camt053.jaxb.EntryTransaction2;
import nl.wederkerig.statements.camt053.jaxb.PartyIdentification32;
import nl.wederkerig.statements.camt053.jaxb.ReportEntry2;
import nl.wederkerig.statements.camt053.jaxb.StructuredRemittanceInformation7;
import nl.wederkerig.statements.camt053.jaxb.TransactionParty2;

import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads camt.053.001.02 (ISO 20022 bank-to-customer statement) with JAXB classes generated from the
 * schema, over a StAX reader that supports no DTD and no external entity and that refuses the
 * whole file at the first DOCTYPE, entity declaration or entity reference: no XXE, no billion
 * laughs, no network.
 *
 * <p>Per {@code Stmt}: account ({@code Acct/Id/IBAN}, else {@code Othr/Id}), period
 * ({@code FrToDt}, else the booking dates), opening balance ({@code OPBD}, else {@code PRCD}) and
 * closing balance ({@code CLBD}); other balance types (available, interim) are ignored. Per
 * booked {@code Ntry} (status {@code BOOK} or none; pending and information entries are not
 * bookings and are skipped): amount with the sign of {@code CdtDbtInd} (the booking's direction,
 * also for reversals), booking and value date, {@code AcctSvcrRef} of the entry or of its first
 * transaction as reference (else the content hash), and from the first {@code TxDtls} the
 * counterparty (the debtor of a credit, the creditor of a debit) and the remittance information.
 * A batch entry with several transactions is one line (the bank booked it as one).
 */
final class Camt053Parser {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

    private static final QName NTRY = new QName(NAMESPACE, "Ntry");

    private Camt053Parser() {
    }

    /** Expensive to make, thread-safe to share. */
    private static final class Context {
        static final JAXBContext JAXB;

        static {
            try {
                JAXB = JAXBContext.newInstance(Document.class);
            } catch (JAXBException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    static StatementFile parse(byte[] bytes) {
        Document document = unmarshal(bytes);
        BankToCustomerStatementV02 message = document.getBkToCstmrStmt();
        if (message == null || message.getStmt().isEmpty()) {
            throw new StatementRefused(StatementRefused.Reason.NOT_CAMT053, 0, "no camt.053.001.02 statement in the file");
        }
        Marshaller marshaller = marshaller();
        List<BankStatement> statements = new ArrayList<>();
        for (AccountStatement2 statement : message.getStmt()) {
            statements.add(statement(statement, marshaller));
        }
        return new StatementFile(StatementFormat.CAMT053, statements);
    }

    private static Document unmarshal(byte[] bytes) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            XMLStreamReader reader = new RefusingDoctypes(factory.createXMLStreamReader(new ByteArrayInputStream(bytes)));
            Unmarshaller unmarshaller = Context.JAXB.createUnmarshaller();
            JAXBElement<Document> root = unmarshaller.unmarshal(reader, Document.class);
            if (!NAMESPACE.equals(root.getName().getNamespaceURI()) || !"Document".equals(root.getName().getLocalPart())) {
                throw new StatementRefused(StatementRefused.Reason.NOT_CAMT053, 0, "the root element is not a camt.053.001.02 Document");
            }
            return root.getValue();
        } catch (XMLStreamException | JAXBException | RuntimeException e) {
            StatementRefused refused = refusalIn(e);
            if (refused != null) {
                throw refused;
            }
            throw new StatementRefused(StatementRefused.Reason.NOT_CAMT053, 0, "not well-formed camt.053.001.02 XML");
        }
    }

    private static StatementRefused refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatementRefused refused) {
                return refused;
            }
        }
        return null;
    }

    /** Refuses the file at the first DTD, entity declaration or entity reference, before anything is resolved. */
    private static final class RefusingDoctypes extends StreamReaderDelegate {

        RefusingDoctypes(XMLStreamReader reader) {
            super(reader);
            refuse(reader.getEventType());
        }

        @Override
        public int next() throws XMLStreamException {
            return refuse(super.next());
        }

        @Override
        public int nextTag() throws XMLStreamException {
            return refuse(super.nextTag());
        }

        private static int refuse(int event) {
            if (event == DTD || event == ENTITY_DECLARATION || event == ENTITY_REFERENCE || event == NOTATION_DECLARATION) {
                throw new StatementRefused(StatementRefused.Reason.XML_DOCTYPE, 0,
                        "XML with a DOCTYPE or entities is not accepted");
            }
            return event;
        }
    }

    private static Marshaller marshaller() {
        try {
            Marshaller marshaller = Context.JAXB.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, false);
            return marshaller;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write camt.053 entries back", e);
        }
    }

    private static BankStatement statement(AccountStatement2 statement, Marshaller marshaller) {
        String accountId = accountId(statement);
        if (statement.getAcct() != null && statement.getAcct().getCcy() != null && !"EUR".equals(statement.getAcct().getCcy())) {
            throw new StatementRefused(StatementRefused.Reason.NOT_EUR, 0, "the account is kept in " + statement.getAcct().getCcy());
        }
        Money opening = balance(statement, BalanceType12Code.OPBD);
        if (opening == null) {
            opening = balance(statement, BalanceType12Code.PRCD);
        }
        Money closing = balance(statement, BalanceType12Code.CLBD);
        List<RawLine> raw = new ArrayList<>();
        int position = 0;
        for (ReportEntry2 entry : statement.getNtry()) {
            if (entry.getSts() != null && entry.getSts() != EntryStatus2Code.BOOK) {
                continue;
            }
            position++;
            if (position > StatementReader.MAX_LINES_PER_STATEMENT) {
                throw new StatementRefused(StatementRefused.Reason.TOO_MANY_LINES, 0,
                        "a statement holds at most " + StatementReader.MAX_LINES_PER_STATEMENT + " lines");
            }
            raw.add(line(entry, position, marshaller));
        }
        LocalDate[] period = period(statement, raw);
        Iban iban = Iban.isValid(accountId) ? Iban.parse(accountId) : null;
        StatementHeader header = new StatementHeader(accountId, iban, blankToNull(statement.getId()), period[0], period[1], opening, closing);
        return new BankStatement(StatementFormat.CAMT053, header, References.assign(accountId, raw));
    }

    private static String accountId(AccountStatement2 statement) {
        AccountIdentification4Choice id = statement.getAcct() == null ? null : statement.getAcct().getId();
        if (id != null && id.getIBAN() != null) {
            return id.getIBAN().strip();
        }
        if (id != null && id.getOthr() != null && id.getOthr().getId() != null) {
            return id.getOthr().getId().strip();
        }
        throw new StatementRefused(StatementRefused.Reason.NOT_CAMT053, 0, "the statement names no account");
    }

    private static Money balance(AccountStatement2 statement, BalanceType12Code type) {
        for (CashBalance3 balance : statement.getBal()) {
            if (balance.getTp() != null && balance.getTp().getCdOrPrtry() != null && balance.getTp().getCdOrPrtry().getCd() == type) {
                return signed(balance.getAmt(), balance.getCdtDbtInd(), 0, "balance " + type);
            }
        }
        return null;
    }

    private static Money signed(ActiveOrHistoricCurrencyAndAmount amount, CreditDebitCode sign, int line, String what) {
        if (amount == null || amount.getValue() == null || sign == null) {
            throw new StatementRefused(StatementRefused.Reason.NOT_CAMT053, line, what + " lacks an amount or a credit/debit indicator");
        }
        if (!"EUR".equals(amount.getCcy())) {
            throw new StatementRefused(StatementRefused.Reason.NOT_EUR, line, what + " is in " + amount.getCcy() + ", not EUR");
        }
        try {
            Money money = new Money(amount.getValue(), Money.EUR);
            return sign == CreditDebitCode.DBIT ? Money.zero(Money.EUR).minus(money) : money;
        } catch (IllegalArgumentException e) {
            throw DutchNumbers.unreadable(line, "an amount in cents within the ledger's range");
        }
    }

    private static RawLine line(ReportEntry2 entry, int position, Marshaller marshaller) {
        Money amount = signed(entry.getAmt(), entry.getCdtDbtInd(), position, "the entry");
        LocalDate booked = date(entry.getBookgDt(), position);
        LocalDate value = entry.getValDt() == null ? booked : date(entry.getValDt(), position);
        EntryTransaction2 transaction = firstTransaction(entry);
        PartyIdentification32 party = null;
        CashAccount16 account = null;
        if (transaction != null && transaction.getRltdPties() != null) {
            TransactionParty2 parties = transaction.getRltdPties();
            boolean credit = entry.getCdtDbtInd() == CreditDebitCode.CRDT;
            party = credit ? parties.getDbtr() : parties.getCdtr();
            account = credit ? parties.getDbtrAcct() : parties.getCdtrAcct();
        }
        return new RawLine(position, booked, value, amount, party == null ? null : party.getNm(), accountOf(account),
                description(entry, transaction), null, sourceText(entry, marshaller), bankReference(entry));
    }

    private static EntryTransaction2 firstTransaction(ReportEntry2 entry) {
        for (EntryDetails1 details : entry.getNtryDtls()) {
            if (!details.getTxDtls().isEmpty()) {
                return details.getTxDtls().get(0);
            }
        }
        return null;
    }

    private static String accountOf(CashAccount16 account) {
        if (account == null || account.getId() == null) {
            return null;
        }
        return account.getId().getIBAN() != null ? account.getId().getIBAN()
                : account.getId().getOthr() == null ? null : account.getId().getOthr().getId();
    }

    private static String bankReference(ReportEntry2 entry) {
        if (entry.getAcctSvcrRef() != null) {
            return entry.getAcctSvcrRef();
        }
        EntryTransaction2 transaction = firstTransaction(entry);
        return transaction == null || transaction.getRefs() == null ? null : transaction.getRefs().getAcctSvcrRef();
    }

    private static String description(ReportEntry2 entry, EntryTransaction2 transaction) {
        Set<String> parts = new LinkedHashSet<>();
        if (transaction != null) {
            if (transaction.getRmtInf() != null) {
                transaction.getRmtInf().getUstrd().forEach(parts::add);
                for (StructuredRemittanceInformation7 structured : transaction.getRmtInf().getStrd()) {
                    if (structured.getCdtrRefInf() != null && structured.getCdtrRefInf().getRef() != null) {
                        parts.add(structured.getCdtrRefInf().getRef());
                    }
                    parts.addAll(structured.getAddtlRmtInf());
                }
            }
            if (transaction.getAddtlTxInf() != null) {
                parts.add(transaction.getAddtlTxInf());
            }
            if (transaction.getRefs() != null && transaction.getRefs().getEndToEndId() != null
                    && !"NOTPROVIDED".equalsIgnoreCase(transaction.getRefs().getEndToEndId())) {
                parts.add(transaction.getRefs().getEndToEndId());
            }
        }
        if (entry.getAddtlNtryInf() != null) {
            parts.add(entry.getAddtlNtryInf());
        }
        parts.removeIf(part -> part == null || part.isBlank());
        return String.join(" ", parts.stream().map(String::strip).toList());
    }

    private static String sourceText(ReportEntry2 entry, Marshaller marshaller) {
        StringWriter out = new StringWriter(1_024);
        try {
            marshaller.marshal(new JAXBElement<>(NTRY, ReportEntry2.class, entry), out);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write a camt.053 entry back", e);
        }
        return out.toString();
    }

    private static LocalDate date(DateAndDateTimeChoice choice, int line) {
        XMLGregorianCalendar calendar = choice == null ? null : choice.getDt() != null ? choice.getDt() : choice.getDtTm();
        if (calendar == null) {
            throw DutchNumbers.unreadable(line, "a booking date");
        }
        return localDate(calendar, line);
    }

    private static LocalDate localDate(XMLGregorianCalendar calendar, int line) {
        try {
            return LocalDate.of(calendar.getYear(), calendar.getMonth(), calendar.getDay());
        } catch (RuntimeException e) {
            throw DutchNumbers.unreadable(line, "a complete date");
        }
    }

    /** {@code FrToDt} when given (as written, in its own offset), else the first and last booking date, else the closing balance's date. */
    private static LocalDate[] period(AccountStatement2 statement, List<RawLine> lines) {
        if (statement.getFrToDt() != null && statement.getFrToDt().getFrDtTm() != null && statement.getFrToDt().getToDtTm() != null) {
            LocalDate from = localDate(statement.getFrToDt().getFrDtTm(), 0);
            LocalDate to = localDate(statement.getFrToDt().getToDtTm(), 0);
            if (to.isBefore(from)) {
                throw new StatementRefused(StatementRefused.Reason.NOT_CAMT053, 0, "the statement's period ends before it starts");
            }
            return new LocalDate[] {from, to};
        }
        LocalDate from = null;
        LocalDate to = null;
        for (RawLine line : lines) {
            from = from == null || line.bookingDate().isBefore(from) ? line.bookingDate() : from;
            to = to == null || line.bookingDate().isAfter(to) ? line.bookingDate() : to;
        }
        LocalDate closingDate = closingDate(statement);
        if (closingDate != null && (to == null || closingDate.isAfter(to))) {
            to = closingDate;
        }
        if (from == null) {
            if (to == null) {
                throw new StatementRefused(StatementRefused.Reason.EMPTY, 0, "a statement without lines, period or closing balance");
            }
            from = to;
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate closingDate(AccountStatement2 statement) {
        for (CashBalance3 balance : statement.getBal()) {
            if (balance.getTp() != null && balance.getTp().getCdOrPrtry() != null
                    && balance.getTp().getCdOrPrtry().getCd() == BalanceType12Code.CLBD && balance.getDt() != null) {
                return date(balance.getDt(), 0);
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
