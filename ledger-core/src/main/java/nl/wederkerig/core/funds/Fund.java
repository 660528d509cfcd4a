package nl.wederkerig.core.funds;

import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.OwnClaimApproval;
import nl.wederkerig.core.corrections.Reversals;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.BankAccountAlreadyLinked;
import nl.wederkerig.core.reconciliation.BankAccountLinked;
import nl.wederkerig.core.reconciliation.BankBalanceDiffers;
import nl.wederkerig.core.reconciliation.BankEntryAlreadyMatched;
import nl.wederkerig.core.reconciliation.BankLineDirection;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.BankLinesMatched;
import nl.wederkerig.core.reconciliation.ClosePeriod;
import nl.wederkerig.core.reconciliation.ConfirmMatch;
import nl.wederkerig.core.reconciliation.IbanNotLinked;
import nl.wederkerig.core.reconciliation.ImportStatement;
import nl.wederkerig.core.reconciliation.LinkBankAccount;
import nl.wederkerig.core.reconciliation.MatchAmountsDiffer;
import nl.wederkerig.core.reconciliation.MatchSizeOutOfRange;
import nl.wederkerig.core.reconciliation.NotTheLatestClose;
import nl.wederkerig.core.reconciliation.PeriodAlreadyClosed;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.reconciliation.PeriodReopened;
import nl.wederkerig.core.reconciliation.Reconciliation;
import nl.wederkerig.core.reconciliation.ReopenNeedsSecondPerson;
import nl.wederkerig.core.reconciliation.ReopenPeriod;
import nl.wederkerig.core.reconciliation.StatementBalanceUnknown;
import nl.wederkerig.core.reconciliation.StatementImportOutcome;
import nl.wederkerig.core.reconciliation.StatementImported;
import nl.wederkerig.core.reconciliation.UnknownBankEntry;
import nl.wederkerig.core.reconciliation.UnmatchedBankLines;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.Amounts;
import nl.wederkerig.core.shared.BusinessDates;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.KnownParties;
import nl.wederkerig.core.shared.LimitReached;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ProcessedCommands;
import nl.wederkerig.core.shared.ReceiptMissing;
import nl.wederkerig.core.shared.ReceiptReference;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An initiative's fund: its bank account and cash box, its income and expenses, and the claims it
 * paid. Only its treasurers record money; the treasurers are appointed on the fund by events that
 * follow the community's role assignments ({@link FundPolicy}).
 *
 * <p>The fund also reconciles its bank account ({@link Reconciliation}): statements, matches and
 * period closes live in this aggregate, so a close and a back-dated entry are decided in one
 * consistency boundary. After a close, nothing is recorded with a business date on or before the
 * closed period's last day (the role copies excepted: they follow the community).
 *
 * <p>Invariants: neither the bank nor the cash box ever holds less than zero; no money event is
 * dated in a closed period.
 */
public class Fund {

    /** Largest single entry: a year's grant for a neighbourhood initiative fits with room to spare. */
    public static final Money MAX_AMOUNT = Money.eur("100000.00");
    /** Most treasurers one fund has at once: two or three is usual, ten is plenty. */
    public static final int MAX_TREASURERS = 10;
    /** Most commands over a fund's life (years of weekly bookkeeping); bounds the stream and the state below. */
    public static final int MAX_COMMANDS = 20_000;

    @AggregateIdentifier
    private InitiativeId initiativeId;
    private CommunityId communityId;
    private OpenFund opening;
    private final Map<Channel, Money> balances = new EnumMap<>(Channel.class);
    private final Set<MemberId> treasurers = new HashSet<>();
    /** Everyone who ever was a treasurer: an approval given while they were one stays valid. */
    private final Set<MemberId> everTreasurers = new HashSet<>();
    private final Set<ClaimId> paidClaims = new HashSet<>();
    private final Reversals<FundMoneyEvent> reversals = new Reversals<>();
    private final ProcessedCommands processed = new ProcessedCommands(MAX_COMMANDS);
    /**
     * Treasurer changes come from the community's role events and carry the community's command
     * ids, which are unique in the community, not in this fund: a client's id for a contribution
     * may be the same string. They get their own namespace so neither is mistaken for the other.
     */
    private final ProcessedCommands roleChanges = new ProcessedCommands(MAX_COMMANDS);
    private final Reconciliation reconciliation = new Reconciliation();
    /** Per business date, the bank's change that day in cents: the ledger's bank balance on any day is a sum. */
    private final NavigableMap<LocalDate, Long> bankCentsByDate = new TreeMap<>();
    /** Per entry (and reversal) that moved the bank, by how much in cents: what a match adds up. */
    private final Map<CommandId, Long> bankCentsByEntry = new HashMap<>();

    protected Fund() {
    }

    // The fund id is the initiative id: a repeated opening finds the fund open and changes nothing.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenFund command, Clock clock) {
        if (opening != null) {
            if (!opening.equals(command)) {
                throw new CommandIdReused(command.initiativeId().value());
            }
            return;
        }
        Objects.requireNonNull(command.communityId(), "community is missing");
        Objects.requireNonNull(command.actor(), "actor is missing");
        BusinessDates.requireAllowed(command.businessDate(), clock);
        apply(new FundOpened(command.initiativeId(), command.communityId(), command.businessDate(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(AppointTreasurer command, Clock clock) {
        if (roleChanges.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.member(), "member is missing");
        Objects.requireNonNull(command.actor(), "actor is missing");
        if (treasurers.contains(command.member())) {
            throw new TreasurerAlreadyAppointed(command.member());
        }
        if (treasurers.size() >= MAX_TREASURERS) {
            throw new LimitReached("treasurers", MAX_TREASURERS);
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        apply(new TreasurerAppointed(initiativeId, communityId, command.commandId(), command.member(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReleaseTreasurer command, Clock clock) {
        if (roleChanges.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.actor(), "actor is missing");
        requireTreasurer(command.member());
        BusinessDates.requireAllowed(command.businessDate(), clock);
        apply(new TreasurerReleased(initiativeId, communityId, command.commandId(), command.member(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordContribution command, Clock clock, KnownParties parties) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        apply(contribution(command, clock, parties));
    }

    /** The rules of a contribution, shared by recording one and booking one from a bank line. */
    private ContributionReceived contribution(RecordContribution command, Clock clock, KnownParties parties) {
        requireMoneyCommand(command.actor(), command.amount(), command.channel(), command.businessDate(), clock);
        Objects.requireNonNull(command.source(), "source is missing");
        if ((command.source() == ContributionSource.PARTNER) != (command.partnerId() != null)) {
            throw new PartnerMismatch();
        }
        if (command.partnerId() != null) {
            parties.requirePartner(communityId, command.partnerId());
        }
        return new ContributionReceived(initiativeId, communityId, command.commandId(), command.amount(),
                command.source(), command.partnerId(), command.channel(), command.businessDate(), command.actor(),
                clock.instant());
    }

    @CommandHandler
    public void handle(RecordExpense command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        apply(expense(command, clock));
    }

    /** The rules of an expense, shared by recording one and booking one from a bank line. */
    private ExpensePaid expense(RecordExpense command, Clock clock) {
        requireMoneyCommand(command.actor(), command.amount(), command.channel(), command.businessDate(), clock);
        Objects.requireNonNull(command.category(), "category is missing");
        if (command.receipt() == null) {
            throw new ReceiptMissing();
        }
        requireCovered(command.channel(), command.amount());
        return new ExpensePaid(initiativeId, communityId, command.commandId(), command.amount(), command.category(),
                command.receipt(), command.channel(), command.businessDate(), command.actor(), clock.instant());
    }

    @CommandHandler
    public void handle(TransferFunds command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireMoneyCommand(command.actor(), command.amount(), command.from(), command.businessDate(), clock);
        Objects.requireNonNull(command.to(), "channel is missing");
        if (command.from() == command.to()) {
            throw new SameChannel();
        }
        requireCovered(command.from(), command.amount());
        apply(new FundTransferred(initiativeId, communityId, command.commandId(), command.amount(), command.from(),
                command.to(), command.businessDate(), command.actor(), clock.instant()));
    }

    /** Pays a claim approved by a treasurer of this fund. {@link ClaimPayments} calls {@link #pay} for a coordinator's approval. */
    @CommandHandler
    public void handle(PayClaim command, Clock clock) {
        pay(command, false, clock);
    }

    /**
     * @param approvedByCoordinator the approver, not a treasurer of this fund, is or was a coordinator of
     *                              the community: established by {@link ClaimPayments} from the community
     *                              in the same unit of work (a single-treasurer initiative's second approver)
     */
    public void pay(PayClaim command, boolean approvedByCoordinator, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        apply(claimPayment(command, approvedByCoordinator, clock));
    }

    private ClaimPaid claimPayment(PayClaim command, boolean approvedByCoordinator, Clock clock) {
        requireMoneyCommand(command.actor(), command.amount(), command.channel(), command.businessDate(), clock);
        Objects.requireNonNull(command.claimId(), "claim is missing");
        Objects.requireNonNull(command.claimant(), "claimant is missing");
        Objects.requireNonNull(command.approvedBy(), "approver is missing");
        // Four eyes, checked again where the money moves: the approver is not the claimant and was a treasurer
        // here, or a coordinator approving as the second person.
        if (command.approvedBy().equals(command.claimant())) {
            throw new OwnClaimApproval(command.approvedBy());
        }
        if (!everTreasurers.contains(command.approvedBy()) && !approvedByCoordinator) {
            throw new NotTreasurer(command.approvedBy());
        }
        if (paidClaims.contains(command.claimId())) {
            throw new ClaimAlreadyPaid(command.claimId());
        }
        if (command.amount().isGreaterThan(balanceOf(command.channel()))) {
            throw new FundInsufficient(balanceOf(command.channel()), command.amount());
        }
        return new ClaimPaid(initiativeId, communityId, command.commandId(), command.claimId(), command.claimant(),
                command.approvedBy(), command.amount(), command.channel(), command.businessDate(), command.actor(), clock.instant());
    }

    @CommandHandler
    public void handle(ReverseFundEntry command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.reason(), "reason is missing");
        requireTreasurer(command.actor());
        FundMoneyEvent original = reversals.requireReversible(Objects.requireNonNull(command.entryId(), "entry is missing"));
        BusinessDates.requireAllowed(command.businessDate(), clock);
        reconciliation.requireOpen(command.businessDate()); // a correction is dated in an open period
        for (Channel channel : Channel.values()) {
            Money undo = original.changeOf(channel);
            if (undo.isPositive()) {
                requireCovered(channel, undo);
            }
        }
        apply(new FundEntryReversed(initiativeId, communityId, command.commandId(), original, command.reason(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    // ---- the bank account and its reconciliation (see nl.wederkerig.core.reconciliation) ----

    /** Links the initiative's account; the same account again changes nothing, another one is refused. */
    @CommandHandler
    public void handle(LinkBankAccount command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.iban(), "IBAN is missing");
        requireActingAs(command.actor(), command.actingAs());
        BusinessDates.requireAllowed(command.businessDate(), clock);
        if (reconciliation.iban().isPresent()) {
            if (reconciliation.iban().get().equals(command.iban())) {
                return;
            }
            throw new BankAccountAlreadyLinked();
        }
        apply(new BankAccountLinked(initiativeId, communityId, command.commandId(), command.iban(), command.actingAs(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    /**
     * Imports a statement of the linked account. Lines the fund has already are reported as such and
     * added nothing; a statement that adds nothing records nothing. A retry with the same statement id
     * answers what the first import did.
     */
    @CommandHandler
    public StatementImportOutcome handle(ImportStatement command, Clock clock) {
        Objects.requireNonNull(command.statementId(), "statement id is missing");
        Objects.requireNonNull(command.lines(), "lines are missing");
        Reconciliation.ImportFingerprint fingerprint = new Reconciliation.ImportFingerprint(Reconciliation.contentHash(command));
        if (processed.isRepeat(command.statementId(), fingerprint)) {
            return reconciliation.outcomeOf(command.statementId()).orElseThrow();
        }
        requireTreasurer(command.actor());
        BusinessDates.requireAllowed(command.businessDate(), clock);
        Reconciliation.ImportDecision decision = reconciliation.decideImport(command, LocalDate.now(clock));
        if (decision.record()) {
            apply(new StatementImported(initiativeId, communityId, command.statementId(), command.iban(), command.source(),
                    command.from(), command.to(), command.openingBalance(), command.closingBalance(),
                    decision.outcome().continuity(), decision.newLines(), decision.alreadyImported(), fingerprint.contentHash(),
                    command.businessDate(), command.actor(), clock.instant()));
        }
        return decision.outcome();
    }

    /** Matches bank lines to the fund entries that moved the bank by the same amount. */
    @CommandHandler
    public void handle(ConfirmMatch command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireTreasurer(command.actor());
        BusinessDates.requireAllowed(command.businessDate(), clock);
        reconciliation.requireOpen(command.businessDate());
        long lineCents = reconciliation.requireMatchableLines(command.lineIds());
        long entryCents = requireMatchableEntries(command.entryIds());
        if (lineCents != entryCents) {
            throw new MatchAmountsDiffer(Money.ofCents(lineCents, Money.EUR), Money.ofCents(entryCents, Money.EUR));
        }
        apply(new BankLinesMatched(initiativeId, communityId, command.commandId(), command.lineIds(), command.entryIds(),
                Money.ofCents(lineCents, Money.EUR), command.businessDate(), command.actor(), clock.instant()));
    }

    private long requireMatchableEntries(List<CommandId> entryIds) {
        if (entryIds == null || entryIds.isEmpty() || entryIds.size() > Reconciliation.MAX_MATCH_SIZE
                || new HashSet<>(entryIds).size() != entryIds.size()) {
            throw new MatchSizeOutOfRange(Reconciliation.MAX_MATCH_SIZE);
        }
        long cents = 0;
        for (CommandId entry : entryIds) {
            Long bank = bankCentsByEntry.get(entry);
            if (bank == null) {
                throw new UnknownBankEntry(entry);
            }
            if (reconciliation.isEntryMatched(entry)) {
                throw new BankEntryAlreadyMatched(entry);
            }
            cents = Math.addExact(cents, bank);
        }
        return cents;
    }

    /** Books a line of money in as a contribution and matches it, in one step, by the contribution's own rules. */
    @CommandHandler
    public void handle(RecordContributionFromBankLine command, Clock clock, KnownParties parties) {
        Reconciliation.Line line = reconciliation.requireLine(command.lineId());
        RecordContribution contribution = new RecordContribution(initiativeId, command.commandId(), magnitude(line.amount()),
                command.source(), command.partnerId(), Channel.BANK, line.bookingDate(), command.actor());
        if (processed.isRepeat(command.commandId(), contribution)) {
            requireBookedFrom(line, command.commandId());
            return;
        }
        if (!line.amount().isPositive()) {
            throw new BankLineDirection(line.id(), "a contribution");
        }
        reconciliation.requireUnmatchedLine(line.id());
        apply(contribution(contribution, clock, parties));
        apply(bookedFrom(line, command.commandId(), command.actor(), clock));
    }

    /** Books a line of money out as an expense and matches it, in one step, by the expense's own rules. */
    @CommandHandler
    public void handle(RecordExpenseFromBankLine command, Clock clock) {
        Reconciliation.Line line = reconciliation.requireLine(command.lineId());
        ReceiptReference receipt = command.receipt() != null ? command.receipt() : bankLineReceipt(line.id());
        RecordExpense expense = new RecordExpense(initiativeId, command.commandId(), magnitude(line.amount()), command.category(),
                receipt, Channel.BANK, line.bookingDate(), command.actor());
        if (processed.isRepeat(command.commandId(), expense)) {
            requireBookedFrom(line, command.commandId());
            return;
        }
        if (line.amount().isPositive()) {
            throw new BankLineDirection(line.id(), "an expense");
        }
        reconciliation.requireUnmatchedLine(line.id());
        apply(expense(expense, clock));
        apply(bookedFrom(line, command.commandId(), command.actor(), clock));
    }

    /** Pays an approved claim by a bank line; see {@link #payFromBankLine}. */
    @CommandHandler
    public void handle(PayClaimFromBankLine command, Clock clock) {
        payFromBankLine(command, false, clock);
    }

    /** Records the claim paid from the bank on the line's day and matches the payment to the line, in one step. */
    public void payFromBankLine(PayClaimFromBankLine command, boolean approvedByCoordinator, Clock clock) {
        Reconciliation.Line line = reconciliation.requireLine(command.lineId());
        PayClaim payment = new PayClaim(initiativeId, command.commandId(), command.claimId(), command.claimant(), command.amount(),
                command.approvedBy(), Channel.BANK, line.bookingDate(), command.actor());
        if (processed.isRepeat(command.commandId(), payment)) {
            requireBookedFrom(line, command.commandId());
            return;
        }
        Objects.requireNonNull(command.amount(), "amount is missing");
        reconciliation.requireUnmatchedLine(line.id());
        Money paidOut = Money.zero(Money.EUR).minus(command.amount());
        if (!line.amount().equals(paidOut)) {
            throw new MatchAmountsDiffer(line.amount(), paidOut);
        }
        apply(claimPayment(payment, approvedByCoordinator, clock));
        apply(bookedFrom(line, command.commandId(), command.actor(), clock));
    }

    /** The receipt of an expense booked from a bank line without one: the line itself, by a short hash of its id. */
    public static ReceiptReference bankLineReceipt(BankLineId line) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(line.value().getBytes(StandardCharsets.UTF_8));
            return ReceiptReference.of("bank-line-" + HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static Money magnitude(Money amount) {
        return amount.isPositive() ? amount : Money.zero(amount.currency()).minus(amount);
    }

    /** A retried booking is a repeat only if the line was booked by it; the same id for anything else is a reuse. */
    private void requireBookedFrom(Reconciliation.Line line, CommandId id) {
        if (!reconciliation.matchOf(line.id()).map(id::equals).orElse(false)) {
            throw new CommandIdReused(id.value());
        }
    }

    private BankLinesMatched bookedFrom(Reconciliation.Line line, CommandId entry, MemberId actor, Clock clock) {
        return new BankLinesMatched(initiativeId, communityId, entry, List.of(line.id()), List.of(entry), line.amount(),
                line.bookingDate(), actor, clock.instant());
    }

    /**
     * Closes the books through {@code periodEnd}: only when the ledger's bank balance at the end of that
     * day equals the statements' and every bank line up to it is matched.
     */
    @CommandHandler
    public void handle(ClosePeriod command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireTreasurer(command.actor());
        BusinessDates.requireAllowed(command.businessDate(), clock);
        Iban iban = reconciliation.iban().orElseThrow(IbanNotLinked::new);
        LocalDate end = Objects.requireNonNull(command.periodEnd(), "period end is missing");
        if (end.isAfter(command.businessDate())) {
            throw new BusinessDateOutOfRange(end, LocalDate.now(clock).minusDays(BusinessDates.MAX_BACKDATING_DAYS), command.businessDate());
        }
        reconciliation.closedThrough().filter(through -> !end.isAfter(through)).ifPresent(through -> {
            throw new PeriodAlreadyClosed(end, through);
        });
        Money statement = reconciliation.statementBalanceOn(end).orElseThrow(() -> new StatementBalanceUnknown(end));
        int unmatched = reconciliation.unmatchedLinesThrough(end);
        if (unmatched > 0) {
            throw new UnmatchedBankLines(unmatched);
        }
        Money ledger = bankBalanceOn(end);
        if (!ledger.equals(statement)) {
            throw new BankBalanceDiffers(ledger, statement);
        }
        apply(new PeriodClosed(initiativeId, communityId, command.commandId(), iban, periodStart(end), end, ledger,
                command.businessDate(), command.actor(), clock.instant()));
    }

    /** The day after the close before, or the first day the fund knows anything of. */
    private LocalDate periodStart(LocalDate end) {
        if (reconciliation.closedThrough().isPresent()) {
            return reconciliation.closedThrough().get().plusDays(1);
        }
        LocalDate start = opening.businessDate();
        if (!bankCentsByDate.isEmpty() && bankCentsByDate.firstKey().isBefore(start)) {
            start = bankCentsByDate.firstKey();
        }
        start = reconciliation.earliestStatementDay().filter(start::isAfter).orElse(start);
        return start.isAfter(end) ? end : start;
    }

    /** Reopens the latest close; a second person does it, with a reason. */
    @CommandHandler
    public void handle(ReopenPeriod command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireActingAs(command.actor(), command.actingAs());
        Objects.requireNonNull(command.reason(), "reason is missing");
        BusinessDates.requireAllowed(command.businessDate(), clock);
        Reconciliation.Close latest = reconciliation.latestClose().filter(close -> close.closeId().equals(command.closeId()))
                .orElseThrow(() -> new NotTheLatestClose(command.closeId()));
        if (latest.closedBy().equals(command.actor())) {
            throw new ReopenNeedsSecondPerson(command.actor());
        }
        apply(new PeriodReopened(initiativeId, communityId, command.commandId(), latest.closeId(), latest.periodEnd(),
                reconciliation.closedThroughBeforeLatest().orElse(null), command.reason(), command.reasonCode(),
                command.actingAs(), command.businessDate(), command.actor(), clock.instant()));
    }

    /** A treasurer of this fund, or someone acting as coordinator (which {@link CoordinatorGuard} checked against the community). */
    private void requireActingAs(MemberId actor, ActingAs actingAs) {
        Objects.requireNonNull(actor, "actor is missing");
        if (Objects.requireNonNull(actingAs, "acting as is missing") == ActingAs.TREASURER) {
            requireTreasurer(actor);
        }
    }

    /** The ledger's bank balance at the end of {@code date}: every bank movement dated on or before it. */
    public Money bankBalanceOn(LocalDate date) {
        long cents = 0;
        for (long day : bankCentsByDate.headMap(date, true).values()) {
            cents = Math.addExact(cents, day);
        }
        return Money.ofCents(cents, Money.EUR);
    }

    /** The community this fund belongs to; read by guards in the same unit of work. */
    public CommunityId communityId() {
        return communityId;
    }

    /** The treasurers now: read by {@link ClaimReviewGuard} in the same unit of work. */
    public Set<MemberId> treasurers() {
        return Set.copyOf(treasurers);
    }

    public boolean wasEverTreasurer(MemberId member) {
        return everTreasurers.contains(member);
    }

    /** The last day of the latest close in force: nothing is dated on or before it. */
    public java.util.Optional<LocalDate> closedThrough() {
        return reconciliation.closedThrough();
    }


    private void requireMoneyCommand(MemberId actor, Money amount, Channel channel, LocalDate businessDate, Clock clock) {
        requireTreasurer(actor);
        Amounts.requirePositiveEur(amount, MAX_AMOUNT);
        Objects.requireNonNull(channel, "channel is missing");
        BusinessDates.requireAllowed(businessDate, clock);
        reconciliation.requireOpen(businessDate);
    }

    private void requireTreasurer(MemberId member) {
        Objects.requireNonNull(member, "member is missing");
        if (!treasurers.contains(member)) {
            throw new NotTreasurer(member);
        }
    }

    /** Money leaving {@code channel}: the cash box never goes negative, nor does the bank (no overdraft). */
    private void requireCovered(Channel channel, Money amount) {
        Money balance = balanceOf(channel);
        if (amount.isGreaterThan(balance)) {
            throw channel == Channel.CASH_BOX ? new CashBoxNegative(balance, amount) : new FundInsufficient(balance, amount);
        }
    }

    private Money balanceOf(Channel channel) {
        return balances.getOrDefault(channel, Money.zero(Money.EUR));
    }

    /** The fund's balance in one channel, for reconciliation and tests. */
    public Money balance(Channel channel) {
        return balanceOf(channel);
    }

    @EventSourcingHandler
    void on(FundOpened event) {
        initiativeId = event.initiativeId();
        communityId = event.communityId();
        opening = new OpenFund(event.initiativeId(), event.communityId(), event.businessDate(), event.actor());
    }

    @EventSourcingHandler
    void on(TreasurerAppointed event) {
        treasurers.add(event.member());
        everTreasurers.add(event.member());
        roleChanges.remember(event.commandId(), new AppointTreasurer(initiativeId, event.commandId(), event.member(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(TreasurerReleased event) {
        treasurers.remove(event.member());
        roleChanges.remember(event.commandId(), new ReleaseTreasurer(initiativeId, event.commandId(), event.member(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(ContributionReceived event) {
        book(event, new RecordContribution(initiativeId, event.commandId(), event.amount(), event.source(),
                event.partnerId(), event.channel(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(ExpensePaid event) {
        book(event, new RecordExpense(initiativeId, event.commandId(), event.amount(), event.category(),
                event.receipt(), event.channel(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(FundTransferred event) {
        book(event, new TransferFunds(initiativeId, event.commandId(), event.amount(), event.from(), event.to(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(ClaimPaid event) {
        paidClaims.add(event.claimId());
        book(event, new PayClaim(initiativeId, event.commandId(), event.claimId(), event.claimant(), event.amount(),
                event.approvedBy(), event.channel(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(FundEntryReversed event) {
        FundMoneyEvent original = event.original();
        assert reconciliation.closedThrough().map(event.businessDate()::isAfter).orElse(true) : "a reversal dated in a closed period";
        for (Channel channel : Channel.values()) {
            balances.put(channel, balanceOf(channel).minus(original.changeOf(channel)));
        }
        recordBank(event.commandId(), event.businessDate(), -original.changeOf(Channel.BANK).cents());
        if (original instanceof ClaimPaid paid) {
            // A reversed payment leaves the claim approved and unpaid: it may be paid again, correctly.
            paidClaims.remove(paid.claimId());
        }
        reversals.markReversed(original.commandId());
        processed.remember(event.commandId(), new ReverseFundEntry(initiativeId, event.commandId(),
                original.commandId(), event.reason(), event.businessDate(), event.actor()));
        assertInvariant();
    }

    @EventSourcingHandler
    void on(BankAccountLinked event) {
        reconciliation.on(event);
        processed.remember(event.commandId(), new LinkBankAccount(initiativeId, event.commandId(), event.iban(), event.actingAs(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(StatementImported event) {
        reconciliation.on(event);
        processed.remember(event.statementId(), new Reconciliation.ImportFingerprint(event.contentHash()));
    }

    @EventSourcingHandler
    void on(BankLinesMatched event) {
        reconciliation.on(event);
        if (!event.bookedFromLine()) {
            // A booking from a line was remembered as the entry it recorded, by the entry's own event.
            processed.remember(event.commandId(), new ConfirmMatch(initiativeId, event.commandId(), event.lineIds(),
                    event.entryIds(), event.businessDate(), event.actor()));
        }
    }

    @EventSourcingHandler
    void on(PeriodClosed event) {
        reconciliation.on(event);
        processed.remember(event.commandId(), new ClosePeriod(initiativeId, event.commandId(), event.periodEnd(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(PeriodReopened event) {
        reconciliation.on(event);
        processed.remember(event.commandId(), new ReopenPeriod(initiativeId, event.commandId(), event.closeId(), event.reason(),
                event.reasonCode(), event.actingAs(), event.businessDate(), event.actor()));
    }

    private void book(FundMoneyEvent event, Object command) {
        assert reconciliation.closedThrough().map(event.businessDate()::isAfter).orElse(true) : "money dated in a closed period";
        for (Channel channel : Channel.values()) {
            balances.put(channel, balanceOf(channel).plus(event.changeOf(channel)));
        }
        recordBank(event.commandId(), event.businessDate(), event.changeOf(Channel.BANK).cents());
        reversals.remember(event.commandId(), event);
        processed.remember(event.commandId(), command);
        assertInvariant();
    }

    /** Remembers a movement of the bank (not of the cash box only) by date and by entry. */
    private void recordBank(CommandId entry, LocalDate businessDate, long cents) {
        if (cents != 0) {
            bankCentsByDate.merge(businessDate, cents, Math::addExact);
            bankCentsByEntry.put(entry, cents);
        }
    }

    private void assertInvariant() {
        for (Channel channel : Channel.values()) {
            assert balanceOf(channel).amount().signum() >= 0 : channel + " went negative: " + balanceOf(channel);
        }
    }
}
