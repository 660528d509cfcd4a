package nl.wederkerig.api.reconciliation;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.BankAccountLink;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.ClaimPaymentFromLine;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.ContributionFromLine;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.ExpenseFromLine;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.MatchConfirmation;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.PeriodClose;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.PeriodReopening;
import nl.wederkerig.api.reconciliation.ReconciliationRequests.RecordedStep;
import nl.wederkerig.api.reconciliation.ReconciliationViews.BankLineView;
import nl.wederkerig.api.reconciliation.ReconciliationViews.ImportedStatement;
import nl.wederkerig.api.reconciliation.ReconciliationViews.LineStatus;
import nl.wederkerig.api.reconciliation.ReconciliationViews.LineText;
import nl.wederkerig.api.reconciliation.ReconciliationViews.LineProposal;
import nl.wederkerig.core.funds.PayApprovedClaimFromBankLine;
import nl.wederkerig.core.funds.RecordContributionFromBankLine;
import nl.wederkerig.core.funds.RecordExpenseFromBankLine;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.BankLine;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.ClosePeriod;
import nl.wederkerig.core.reconciliation.ConfirmMatch;
import nl.wederkerig.core.reconciliation.CounterpartyKey;
import nl.wederkerig.core.reconciliation.IbanNotLinked;
import nl.wederkerig.core.reconciliation.ImportStatement;
import nl.wederkerig.core.reconciliation.LinkBankAccount;
import nl.wederkerig.core.reconciliation.PaymentReference;
import nl.wederkerig.core.reconciliation.ReopenPeriod;
import nl.wederkerig.core.reconciliation.StatementImportOutcome;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PersonalDataCipher;
import nl.wederkerig.core.shared.SealedText;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.reconciliation.BankReconciliations;
import nl.wederkerig.projections.reconciliation.CloseView;
import nl.wederkerig.projections.reconciliation.ImportNudge;
import nl.wederkerig.projections.reconciliation.LineProposals;
import nl.wederkerig.projections.reconciliation.LineView;
import nl.wederkerig.projections.reconciliation.Matcher;
import nl.wederkerig.projections.reconciliation.ReconciliationStatus;
import nl.wederkerig.projections.reconciliation.StatementLineView;
import nl.wederkerig.projections.reconciliation.StatementSummary;
import nl.wederkerig.statements.BankStatement;
import nl.wederkerig.statements.CounterpartyKeys;
import nl.wederkerig.statements.StatementChecks;
import nl.wederkerig.statements.StatementFile;
import nl.wederkerig.statements.StatementFormat;
import nl.wederkerig.statements.StatementLine;
import nl.wederkerig.statements.StatementReader;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An initiative's reconciliation with its bank account, for its treasurers (and, where the domain
 * allows, a coordinator): what each request means, the access check, and the one place its
 * commands are built. The fund decides every rule (the account linked, the statement adds up, a
 * closed period stays closed, a second person reopens); this class reads the file, seals each
 * line's personal part under its counterparty's key, and opens it again for the treasurer.
 */
@ApplicationService
public class Reconciliations {

    /** Whose key seals a line that names no counterparty (bank costs, interest): no person's. */
    static final MemberId NO_COUNTERPARTY = MemberId.of("bank-line-without-counterparty");

    private final CommandGateway commands;
    private final InitiativeFunds funds;
    private final BankReconciliations reconciliation;
    private final Access access;
    private final BusinessDay day;
    private final PersonalDataCipher personalData;
    private final CounterpartyKeys counterparties;

    Reconciliations(CommandGateway commands, InitiativeFunds funds, BankReconciliations reconciliation, Access access,
                    BusinessDay day, PersonalDataCipher personalData, CounterpartyKeys counterparties) {
        this.commands = commands;
        this.funds = funds;
        this.reconciliation = reconciliation;
        this.access = access;
        this.day = day;
        this.personalData = personalData;
        this.counterparties = counterparties;
    }

    // ---- changes ----

    /** A treasurer of the initiative or a coordinator links its account; the same account again changes nothing. */
    public RecordedStep linkAccount(Login me, CommunityId community, InitiativeId initiative, BankAccountLink request) {
        ActingAs actingAs = requireTreasurerOrCoordinator(me, community, initiative);
        commands.sendAndWait(new LinkBankAccount(initiative, request.commandId(), request.iban(), actingAs, day.today(),
                me.memberId()));
        return new RecordedStep(initiative, request.commandId());
    }

    /**
     * Reads the file (refused as a whole on any problem, nothing stored), checks that each statement
     * in it adds up, and imports its statements of the linked account as one: a file of daily MT940
     * statements is one import. Lines imported before are counted, never added twice.
     */
    public ImportedStatement importStatement(Login me, CommunityId community, InitiativeId initiative, CommandId statementId,
                                             StatementFormat format, byte[] file) {
        requireTreasurer(me, community, initiative);
        Iban account = reconciliation.status(community, initiative).map(ReconciliationStatus::iban)
                .orElseThrow(IbanNotLinked::new);
        StatementFile read = StatementReader.read(file, format);
        List<BankStatement> statements = new ArrayList<>(read.statements());
        statements.sort(Comparator.comparing(s -> s.header().from()));
        for (BankStatement statement : statements) {
            if (!statement.header().identifies(account)) {
                throw new IbanNotLinked();
            }
            StatementChecks.requireImportable(statement);
        }
        // Sealed only once the whole file passed: a refused file leaves no key behind for its counterparties.
        List<BankLine> lines = new ArrayList<>();
        for (BankStatement statement : statements) {
            for (StatementLine line : statement.lines()) {
                lines.add(bankLine(line));
            }
        }
        BankStatement first = statements.get(0);
        BankStatement last = statements.get(statements.size() - 1);
        LocalDate from = first.header().from();
        LocalDate to = statements.stream().map(s -> s.header().to()).max(LocalDate::compareTo).orElseThrow();
        StatementImportOutcome outcome = commands.sendAndWait(new ImportStatement(initiative, statementId, account,
                StatementSource.valueOf(format.name()), from, to, first.header().openingBalance(), last.header().closingBalance(),
                lines, day.today(), me.memberId()));
        return new ImportedStatement(statementId, format.code(), account, from, to, first.header().openingBalance(),
                last.header().closingBalance(), outcome.lines(), outcome.newLines(), outcome.alreadyImported(),
                outcome.continuity().name().toLowerCase(Locale.ROOT));
    }

    /** The line as the ledger keeps it: the personal part sealed under the counterparty's pseudonym. */
    private BankLine bankLine(StatementLine line) {
        Optional<String> key = counterparties.keyOf(line);
        MemberId subject = key.map(MemberId::of).orElse(NO_COUNTERPARTY);
        SealedText details = personalData.seal(subject, line.detailsText(PersonalDataCipher.MAX_NOTE_LENGTH_CHARS));
        return new BankLine(BankLineId.of(line.reference().value()), line.bookingDate(), line.valueDate(), line.amount(),
                line.paymentReference().map(PaymentReference::of).orElse(null), key.map(CounterpartyKey::of).orElse(null), details);
    }

    /** Lines and entries that are the same money; the treasurer confirms, nothing is matched by itself. */
    public RecordedStep confirmMatch(Login me, CommunityId community, InitiativeId initiative, MatchConfirmation request) {
        requireTreasurer(me, community, initiative);
        commands.sendAndWait(new ConfirmMatch(initiative, request.commandId(), request.lineIds(), request.entryIds(), day.today(),
                me.memberId()));
        return new RecordedStep(initiative, request.commandId());
    }

    public RecordedStep bookContribution(Login me, CommunityId community, InitiativeId initiative, BankLineId line,
                                     ContributionFromLine request) {
        requireTreasurer(me, community, initiative);
        commands.sendAndWait(new RecordContributionFromBankLine(initiative, request.commandId(), line, request.source(),
                request.partnerId(), me.memberId()));
        return new RecordedStep(initiative, request.commandId());
    }

    public RecordedStep bookExpense(Login me, CommunityId community, InitiativeId initiative, BankLineId line, ExpenseFromLine request) {
        requireTreasurer(me, community, initiative);
        commands.sendAndWait(new RecordExpenseFromBankLine(initiative, request.commandId(), line, request.category(),
                request.receipt(), me.memberId()));
        return new RecordedStep(initiative, request.commandId());
    }

    /** The line pays an approved claim of this initiative; the claim's amount must be the line's. */
    public RecordedStep bookClaimPayment(Login me, CommunityId community, InitiativeId initiative, BankLineId line,
                                     ClaimPaymentFromLine request) {
        requireTreasurer(me, community, initiative);
        if (!funds.initiativeOfClaim(community, request.claimId()).filter(initiative::equals).isPresent()) {
            throw new NotFound("no claim " + request.claimId() + " of this initiative");
        }
        commands.sendAndWait(new PayApprovedClaimFromBankLine(request.claimId(), request.commandId(), line, me.memberId()));
        return new RecordedStep(initiative, request.commandId());
    }

    public RecordedStep close(Login me, CommunityId community, InitiativeId initiative, PeriodClose request) {
        requireTreasurer(me, community, initiative);
        commands.sendAndWait(new ClosePeriod(initiative, request.commandId(), request.periodEnd(), day.today(), me.memberId()));
        return new RecordedStep(initiative, request.commandId());
    }

    /** Another treasurer, or a coordinator, reopens the latest close; never the one who closed it (the fund checks). */
    public RecordedStep reopen(Login me, CommunityId community, InitiativeId initiative, CommandId close, PeriodReopening request) {
        ActingAs actingAs = requireTreasurerOrCoordinator(me, community, initiative);
        commands.sendAndWait(new ReopenPeriod(initiative, request.commandId(), close, request.reason(), request.reasonCode(),
                actingAs, day.today(), me.memberId()));
        return new RecordedStep(initiative, request.commandId());
    }

    // ---- questions: for the treasurers, the kascommissie and the coordinators ----

    /** In which role the member reads these books; pages show each role's forms only (the kascommissie sees none). */
    public BooksRole roleIn(Login me, CommunityId community, InitiativeId initiative) {
        requireReader(me, community, initiative);
        if (access.isTreasurerOf(me, community, initiative)) {
            return BooksRole.TREASURER;
        }
        return access.isCoordinatorOf(me, community) ? BooksRole.COORDINATOR : BooksRole.AUDITOR;
    }

    /** Who reads an initiative's books: its treasurer records, a coordinator links and reopens, the kascommissie only reads. */
    public enum BooksRole {
        TREASURER,
        COORDINATOR,
        AUDITOR
    }

    /** Where the reconciliation stands; 404 while no account is linked. */
    public ReconciliationStatus status(Login me, CommunityId community, InitiativeId initiative) {
        requireReader(me, community, initiative);
        return reconciliation.status(community, initiative).orElseThrow(() -> new NotFound("no bank account linked yet"));
    }

    /** The status, or empty while no account is linked: for the page, which then offers to link one. */
    public Optional<ReconciliationStatus> statusIfLinked(Login me, CommunityId community, InitiativeId initiative) {
        requireReader(me, community, initiative);
        return reconciliation.status(community, initiative);
    }

    public Optional<ImportNudge> importNudge(Login me, CommunityId community, InitiativeId initiative) {
        requireReader(me, community, initiative);
        return reconciliation.importNudge(community, initiative, day.today());
    }

    public List<StatementSummary> statements(Login me, CommunityId community, InitiativeId initiative) {
        requireReader(me, community, initiative);
        return reconciliation.statements(community, initiative);
    }

    public List<CloseView> closes(Login me, CommunityId community, InitiativeId initiative) {
        requireReader(me, community, initiative);
        return reconciliation.closes(community, initiative);
    }

    /** The initiatives whose books the member keeps (treasurer) or audits (kascommissie): their home page links to each. */
    public List<InitiativeId> booksOf(Login me, CommunityId community) {
        return access.initiativesWithBooksRole(me, community);
    }

    /** The confirmed matches, latest first, each with its lines and entries. */
    public List<nl.wederkerig.projections.reconciliation.MatchView> matches(Login me, CommunityId community, InitiativeId initiative) {
        requireReader(me, community, initiative);
        return reconciliation.matches(community, initiative);
    }

    /** Lines in no match yet, oldest first, each with its proposals and its text. */
    public List<BankLineView> unmatchedLines(Login me, CommunityId community, InitiativeId initiative) {
        requireReader(me, community, initiative);
        List<BankLineView> views = new ArrayList<>();
        for (LineProposals line : reconciliation.proposals(community, initiative)) {
            views.add(view(line.line(), LineStatus.UNMATCHED, line.proposals().stream().map(Reconciliations::proposal).toList()));
        }
        return views;
    }

    /** A statement's lines in its order, each with its status; 404 for a statement this initiative has not. */
    public List<BankLineView> statementLines(Login me, CommunityId community, InitiativeId initiative, CommandId statement) {
        requireReader(me, community, initiative);
        List<StatementLineView> lines = reconciliation.lines(community, initiative, statement);
        if (lines.isEmpty()) {
            throw new NotFound("no statement " + statement + " of this initiative");
        }
        LocalDate closedThrough = reconciliation.status(community, initiative).map(ReconciliationStatus::lastClosedPeriodEnd)
                .orElse(null);
        return lines.stream().map(line -> view(line.line(), statusOf(line.line(), closedThrough), List.of())).toList();
    }

    private static LineStatus statusOf(LineView line, LocalDate closedThrough) {
        if (!line.matched()) {
            return LineStatus.UNMATCHED;
        }
        return closedThrough != null && !line.bookingDate().isAfter(closedThrough) ? LineStatus.RECONCILED : LineStatus.CLEARED;
    }

    private BankLineView view(LineView line, LineStatus status, List<LineProposal> proposals) {
        return new BankLineView(line.lineId(), line.bookingDate(), line.valueDate(), line.amount(),
                line.reference() == null ? null : line.reference().value(), status, line.matchId(), line.statementId(), text(line),
                proposals);
    }

    /** The sealed part opened with the counterparty's key; nothing when that key was erased. */
    private LineText text(LineView line) {
        if (line.details() == null) {
            return LineText.ERASED;
        }
        MemberId subject = line.counterparty() == null ? NO_COUNTERPARTY : MemberId.of(line.counterparty().value());
        return personalData.open(subject, line.details()).map(LineText::parse).orElse(LineText.ERASED);
    }

    private static LineProposal proposal(Matcher.Proposal proposal) {
        Matcher.Target target = proposal.target();
        return new LineProposal(target.kind().name(), target.id(), target.date(), Money.ofCents(target.bankCents(), Money.EUR),
                target.tag(), proposal.score(), proposal.zone().name(), proposal.exactReference(), proposal.daysApart());
    }

    // ---- access ----

    /**
     * Only the initiative's own treasurers. The fund does not know its community (its id is the
     * initiative's): an initiative of another community is not found here, whoever asks.
     */
    private void requireTreasurer(Login me, CommunityId community, InitiativeId initiative) {
        access.requireMember(me, community);
        // The role before the record: someone without it learns nothing about which initiatives exist.
        access.requireTreasurerOf(me, community, initiative);
        requireKnown(community, initiative);
    }

    /** Its treasurers or a coordinator; answers in which role they act. */
    private ActingAs requireTreasurerOrCoordinator(Login me, CommunityId community, InitiativeId initiative) {
        access.requireMember(me, community);
        ActingAs actingAs = access.requireTreasurerOrCoordinatorActingAsTreasurer(me, community, initiative)
                ? ActingAs.TREASURER : ActingAs.COORDINATOR;
        requireKnown(community, initiative);
        return actingAs;
    }

    /** Its treasurers, its kascommissie or a coordinator: reading only. */
    private void requireReader(Login me, CommunityId community, InitiativeId initiative) {
        access.requireMember(me, community);
        access.requireBooksReader(me, community, initiative);
        requireKnown(community, initiative);
    }

    private void requireKnown(CommunityId community, InitiativeId initiative) {
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
    }
}
