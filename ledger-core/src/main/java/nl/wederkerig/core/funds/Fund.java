package nl.wederkerig.core.funds;

import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.OwnClaimApproval;
import nl.wederkerig.core.corrections.Reversals;
import nl.wederkerig.core.shared.Amounts;
import nl.wederkerig.core.shared.BusinessDates;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.KnownParties;
import nl.wederkerig.core.shared.LimitReached;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ProcessedCommands;
import nl.wederkerig.core.shared.ReceiptMissing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An initiative's fund: its bank account and cash box, its income and expenses, and the claims it
 * paid. Only its treasurers record money; the treasurers are appointed on the fund by events that
 * follow the community's role assignments ({@link FundPolicy}).
 *
 * <p>Invariant: neither the bank nor the cash box ever holds less than zero.
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
        requireMoneyCommand(command.actor(), command.amount(), command.channel(), command.businessDate(), clock);
        Objects.requireNonNull(command.source(), "source is missing");
        if ((command.source() == ContributionSource.PARTNER) != (command.partnerId() != null)) {
            throw new PartnerMismatch();
        }
        if (command.partnerId() != null) {
            parties.requirePartner(communityId, command.partnerId());
        }
        apply(new ContributionReceived(initiativeId, communityId, command.commandId(), command.amount(),
                command.source(), command.partnerId(), command.channel(), command.businessDate(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RecordExpense command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireMoneyCommand(command.actor(), command.amount(), command.channel(), command.businessDate(), clock);
        Objects.requireNonNull(command.category(), "category is missing");
        if (command.receipt() == null) {
            throw new ReceiptMissing();
        }
        requireCovered(command.channel(), command.amount());
        apply(new ExpensePaid(initiativeId, communityId, command.commandId(), command.amount(), command.category(),
                command.receipt(), command.channel(), command.businessDate(), command.actor(), clock.instant()));
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

    @CommandHandler
    public void handle(PayClaim command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireMoneyCommand(command.actor(), command.amount(), command.channel(), command.businessDate(), clock);
        Objects.requireNonNull(command.claimId(), "claim is missing");
        Objects.requireNonNull(command.claimant(), "claimant is missing");
        Objects.requireNonNull(command.approvedBy(), "approver is missing");
        // Four eyes, checked again where the money moves: the approver is not the claimant and was a treasurer here.
        if (command.approvedBy().equals(command.claimant())) {
            throw new OwnClaimApproval(command.approvedBy());
        }
        if (!everTreasurers.contains(command.approvedBy())) {
            throw new NotTreasurer(command.approvedBy());
        }
        if (paidClaims.contains(command.claimId())) {
            throw new ClaimAlreadyPaid(command.claimId());
        }
        if (command.amount().isGreaterThan(balanceOf(command.channel()))) {
            throw new FundInsufficient(balanceOf(command.channel()), command.amount());
        }
        apply(new ClaimPaid(initiativeId, communityId, command.commandId(), command.claimId(), command.claimant(),
                command.approvedBy(), command.amount(), command.channel(), command.businessDate(), command.actor(), clock.instant()));
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
        for (Channel channel : Channel.values()) {
            Money undo = original.changeOf(channel);
            if (undo.isPositive()) {
                requireCovered(channel, undo);
            }
        }
        apply(new FundEntryReversed(initiativeId, communityId, command.commandId(), original, command.reason(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    private void requireMoneyCommand(MemberId actor, Money amount, Channel channel, LocalDate businessDate, Clock clock) {
        requireTreasurer(actor);
        Amounts.requirePositiveEur(amount, MAX_AMOUNT);
        Objects.requireNonNull(channel, "channel is missing");
        BusinessDates.requireAllowed(businessDate, clock);
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
        for (Channel channel : Channel.values()) {
            balances.put(channel, balanceOf(channel).minus(original.changeOf(channel)));
        }
        if (original instanceof ClaimPaid paid) {
            // A reversed payment leaves the claim approved and unpaid: it may be paid again, correctly.
            paidClaims.remove(paid.claimId());
        }
        reversals.markReversed(original.commandId());
        processed.remember(event.commandId(), new ReverseFundEntry(initiativeId, event.commandId(),
                original.commandId(), event.reason(), event.businessDate(), event.actor()));
        assertInvariant();
    }

    private void book(FundMoneyEvent event, Object command) {
        for (Channel channel : Channel.values()) {
            balances.put(channel, balanceOf(channel).plus(event.changeOf(channel)));
        }
        reversals.remember(event.commandId(), event);
        processed.remember(event.commandId(), command);
        assertInvariant();
    }

    private void assertInvariant() {
        for (Channel channel : Channel.values()) {
            assert balanceOf(channel).amount().signum() >= 0 : channel + " went negative: " + balanceOf(channel);
        }
    }
}
