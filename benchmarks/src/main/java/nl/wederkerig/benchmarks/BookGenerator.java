package nl.wederkerig.benchmarks;

import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.ClaimSubmitted;
import nl.wederkerig.core.community.CommunityFounded;
import nl.wederkerig.core.community.HourValuationSet;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.InitiativeRegistered;
import nl.wederkerig.core.community.MemberRegistered;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.PartnerRegistered;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.RoleAssigned;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.funds.FundOpened;
import nl.wederkerig.core.funds.FundTransferred;
import nl.wederkerig.core.funds.TreasurerAppointed;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.InKindCategory;
import nl.wederkerig.core.reciprocity.InKindReturned;
import nl.wederkerig.core.reciprocity.MoneyReturned;
import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.reciprocity.ServiceDrawn;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReceiptReference;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Fills the event store with a plausible book quickly: events appended through the application's
 * EventStore in batches, skipping the command handlers (their cost is measured separately).
 *
 * <p>Neighbourhoods of {@link #MEMBERS_PER_COMMUNITY} members; each advance is made and then partly
 * or fully reimbursed. Each community is founded with two initiatives (their funds opened and a
 * treasurer appointed, as {@code FundPolicy} would) and one partner with an hour valuation; after
 * every {@link #ADVANCES_PER_FUND_STEP} advances one step of an initiative's fund or of the
 * partner's account follows (contributions, expenses, claims submitted, approved and paid,
 * transfers, hours and services drawn, money and in kind returned): about 11 % of the events.
 *
 * <p>Every event is one the aggregate could have applied: the generator keeps each fund's bank and
 * cash box as {@code Fund} does and spends only what is there (otherwise the step records a
 * contribution instead), a claim is approved and paid by its initiative's treasurer and never by
 * the claimant, command ids are unique per aggregate, sequence numbers run on per aggregate, and
 * business dates never run backwards within a community. {@code BookGeneratorTest} hands the
 * generated streams to the aggregates to prove it.
 */
final class BookGenerator {

    static final int MEMBERS_PER_COMMUNITY = 200;
    /** Each advance is two events; a community holds this many advances before the next begins. */
    static final int ADVANCES_PER_COMMUNITY = 5_000;
    /** One fund or partner step (1–3 events, 1.5 on average) after this many advances (12 events). */
    static final int ADVANCES_PER_FUND_STEP = 6;
    static final int FUND_STEPS_PER_COMMUNITY = ADVANCES_PER_COMMUNITY / ADVANCES_PER_FUND_STEP;
    static final int APPEND_BATCH_EVENTS = 1_000;
    /** Upper bound on one book, so a typo in a size cannot fill the disk. */
    static final long MAX_BOOK_EVENTS = 5_000_000;

    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    /** Business dates of one community's entries run from FIRST_DAY over this many days. */
    static final int BOOK_DAYS = 300;
    private static final Instant RECORDED_AT = Instant.parse("2026-01-01T10:00:00Z");

    /** Member numbers with a role; claimants and advance parties are any other member too. */
    private static final int FOUNDER = 0;
    private static final int[] TREASURER_OF_INITIATIVE = {1, 2};
    private static final InitiativeKind[] INITIATIVE_KINDS = {InitiativeKind.SHARED_MEALS, InitiativeKind.NEIGHBOUR_HELP};
    private static final String[] INITIATIVE_NAMES = {"meals", "help"};
    private static final Money HOUR_VALUATION = Money.eur("15.00");
    /** Kinds of fund or partner step, taken in turn by each initiative (see fundStep). */
    private static final int STEP_KINDS = 8;

    private final Consumer<List<DomainEventMessage<?>>> store;
    private long advances;
    /** The community being written (communities are written one after the other). */
    private CommunityBook current;

    BookGenerator(EventStore eventStore) {
        this(eventStore::publish);
    }

    /** @param store receives each batch in order; one batch is one transaction in the event store */
    BookGenerator(Consumer<List<DomainEventMessage<?>>> store) {
        this.store = store;
    }

    /** Appends generated advances (and fund steps) until the store holds at least {@code targetEvents} events. */
    void appendUntil(long storedEvents, long targetEvents) {
        if (targetEvents > MAX_BOOK_EVENTS) {
            throw new IllegalArgumentException("book larger than " + MAX_BOOK_EVENTS + " events");
        }
        long missing = targetEvents - storedEvents;
        while (missing > 0) {
            List<DomainEventMessage<?>> batch = new ArrayList<>(APPEND_BATCH_EVENTS + 32);
            // A whole step at a time: a community's founding and its funds' opening share one
            // transaction, so FundPolicy never sees an initiative whose fund is not open yet.
            while (batch.size() < APPEND_BATCH_EVENTS && missing > batch.size()) {
                addStep(batch, advances++);
            }
            store.accept(batch);
            missing -= batch.size();
        }
    }

    /** A member of a community this generator has written to, with one of its initiatives and its partner, for queries. */
    Neighbour randomNeighbour(Random random) {
        long communities = Math.max(1, (advances + ADVANCES_PER_COMMUNITY - 1) / ADVANCES_PER_COMMUNITY);
        int community = (int) (random.nextLong(communities));
        int member = random.nextInt(MEMBERS_PER_COMMUNITY);
        return new Neighbour(community(community), member(community, member),
                initiative(community, member % INITIATIVE_NAMES.length), partner(community),
                firstClaim(community, member % INITIATIVE_NAMES.length));
    }

    /** Who a query asks about: a neighbour, an initiative and the partner of the same community. */
    record Neighbour(CommunityId community, MemberId member, InitiativeId initiative, PartnerId partner, ClaimId claim) {
    }

    /**
     * The first claim on an initiative's fund: fund steps go round the initiatives, and the second
     * round of step kinds is claims (see fundStep), so it exists once the community has had that many steps.
     */
    static ClaimId firstClaim(int community, int fund) {
        return claimId(community, INITIATIVE_NAMES.length + fund);
    }

    static ClaimId claimId(int community, int step) {
        return ClaimId.of("book-c" + community + "-claim-" + step);
    }

    private void addStep(List<DomainEventMessage<?>> batch, long number) {
        int community = (int) (number / ADVANCES_PER_COMMUNITY);
        long inCommunity = number % ADVANCES_PER_COMMUNITY;
        if (inCommunity == 0) {
            current = new CommunityBook(community);
            current.found(batch);
        }
        addAdvance(batch, number);
        if (inCommunity % ADVANCES_PER_FUND_STEP == ADVANCES_PER_FUND_STEP - 1) {
            current.fundStep(batch, (int) (inCommunity / ADVANCES_PER_FUND_STEP));
        }
    }

    private static void addAdvance(List<DomainEventMessage<?>> batch, long number) {
        int community = (int) (number / ADVANCES_PER_COMMUNITY);
        int lender = (int) (number * 7 % MEMBERS_PER_COMMUNITY);
        int borrower = (int) ((lender + 1 + number % (MEMBERS_PER_COMMUNITY - 1)) % MEMBERS_PER_COMMUNITY);
        AdvanceId id = AdvanceId.of("book-" + number);
        Money amount = Money.ofCents(1_000 + number % 40 * 250, Money.EUR);
        // Every third advance is settled in full; the others stay half open, so balances have content.
        Money paid = number % 3 == 0 ? amount : Money.ofCents(amount.cents() / 2, Money.EUR);
        LocalDate made = FIRST_DAY.plusDays(number % BOOK_DAYS);
        CommunityId communityId = community(community);
        MemberId lenderId = member(community, lender);
        MemberId borrowerId = member(community, borrower);
        batch.add(new GenericDomainEventMessage<>("Advance", id.value(), 0, new AdvanceMade(id, communityId, lenderId,
                borrowerId, amount, Purpose.values()[(int) (number % Purpose.values().length)], made, lenderId, RECORDED_AT)));
        batch.add(new GenericDomainEventMessage<>("Advance", id.value(), 1, new AdvanceReimbursed(id, communityId,
                CommandId.of("r-1"), paid, amount.minus(paid), made.plusDays(3), borrowerId, RECORDED_AT)));
    }

    static CommunityId community(int number) {
        return CommunityId.of("book-c" + number);
    }

    static MemberId member(int community, int number) {
        return MemberId.of("book-c" + community + "-m" + number);
    }

    static InitiativeId initiative(int community, int number) {
        return InitiativeId.of("book-c" + community + "-" + INITIATIVE_NAMES[number]);
    }

    static PartnerId partner(int community) {
        return PartnerId.of("book-c" + community + "-care");
    }

    /** One community's aggregates other than advances: sequence numbers, and each fund's money as Fund keeps it. */
    private static final class CommunityBook {

        private final int number;
        private final CommunityId id;
        private final MemberId founder;
        private final PartnerId partner;
        private final Map<String, Long> nextSequence = new HashMap<>();
        private final List<Map<Channel, Long>> centsByFund = new ArrayList<>();

        CommunityBook(int number) {
            this.number = number;
            this.id = community(number);
            this.founder = member(number, FOUNDER);
            this.partner = partner(number);
        }

        /** The community, its two initiatives with open funds and a treasurer each, its partner and the hour's value. */
        void found(List<DomainEventMessage<?>> batch) {
            append(batch, "Community", id.value(), new CommunityFounded(id, founder, FIRST_DAY, founder, RECORDED_AT));
            for (int i = 0; i < INITIATIVE_NAMES.length; i++) {
                InitiativeId initiative = initiative(number, i);
                MemberId treasurer = member(number, TREASURER_OF_INITIATIVE[i]);
                CommandId registerMember = CommandId.of("register-m" + TREASURER_OF_INITIATIVE[i]);
                CommandId registerInitiative = CommandId.of("register-" + INITIATIVE_NAMES[i]);
                CommandId assignRole = CommandId.of("treasurer-" + INITIATIVE_NAMES[i]);
                append(batch, "Community", id.value(), new MemberRegistered(id, registerMember, treasurer, FIRST_DAY, founder,
                        RECORDED_AT));
                append(batch, "Community", id.value(), new InitiativeRegistered(id, registerInitiative, initiative,
                        INITIATIVE_KINDS[i], FIRST_DAY, founder, RECORDED_AT));
                append(batch, "Community", id.value(), new RoleAssigned(id, assignRole, treasurer, Role.treasurerOf(initiative),
                        FIRST_DAY, founder, RECORDED_AT));
                // Exactly what FundPolicy sends for the two events above, so when it reads them it finds nothing to do.
                append(batch, "Fund", initiative.value(), new FundOpened(initiative, id, FIRST_DAY, founder, RECORDED_AT));
                append(batch, "Fund", initiative.value(), new TreasurerAppointed(initiative, id, assignRole, treasurer,
                        FIRST_DAY, founder, RECORDED_AT));
                centsByFund.add(new EnumMap<>(Map.of(Channel.BANK, 0L, Channel.CASH_BOX, 0L)));
            }
            append(batch, "Community", id.value(), new PartnerRegistered(id, CommandId.of("register-care"), partner,
                    PartnerKind.CARE_ORGANISATION, FIRST_DAY, founder, RECORDED_AT));
            append(batch, "Community", id.value(), new HourValuationSet(id, CommandId.of("valuation-1"), HOUR_VALUATION,
                    FIRST_DAY, HourValuationMethod.FIXED_AGREED, FIRST_DAY, founder, RECORDED_AT));
        }

        /** Step {@code step} of this community: which initiative and what happens follow from the number alone. */
        void fundStep(List<DomainEventMessage<?>> batch, int step) {
            int fund = step % INITIATIVE_NAMES.length;
            InitiativeId initiative = initiative(number, fund);
            MemberId treasurer = member(number, TREASURER_OF_INITIATIVE[fund]);
            LocalDate on = FIRST_DAY.plusDays((long) step * BOOK_DAYS / FUND_STEPS_PER_COMMUNITY);
            CommandId command = CommandId.of("s-" + step);
            switch (step / INITIATIVE_NAMES.length % STEP_KINDS) {
                case 0 -> contribution(batch, fund, command, Money.ofCents(150_000 + step % 5 * 10_000, Money.EUR),
                        ContributionSource.PARTNER, Channel.BANK, on);
                case 1 -> claim(batch, fund, step, command, on);
                case 2 -> append(batch, "PartnerAccount", partner.value(), new HoursDrawn(partner, id, command, initiative,
                        Hours.ofMinutes(60 + step % 4 * 60), on, founder, RECORDED_AT));
                case 3 -> expense(batch, fund, command, Money.ofCents(4_000 + step % 30 * 500, Money.EUR),
                        ExpenseCategory.values()[step % ExpenseCategory.values().length], Channel.BANK, on);
                case 4 -> {
                    Money amount = Money.eur("50.00");
                    if (covered(fund, Channel.BANK, amount)) {
                        spend(fund, Channel.BANK, amount);
                        earn(fund, Channel.CASH_BOX, amount);
                        append(batch, "Fund", initiative.value(), new FundTransferred(initiative, id, command, amount,
                                Channel.BANK, Channel.CASH_BOX, on, treasurer, RECORDED_AT));
                    } else {
                        contribution(batch, fund, command, amount, ContributionSource.DONATION, Channel.CASH_BOX, on);
                    }
                }
                case 5 -> {
                    append(batch, "PartnerAccount", partner.value(), new ServiceDrawn(partner, id, command, initiative,
                            ServiceCategory.values()[step % ServiceCategory.values().length], 1 + step % 20, on, founder,
                            RECORDED_AT));
                    append(batch, "PartnerAccount", partner.value(), new MoneyReturned(partner, id, CommandId.of("s-" + step + "-m"),
                            initiative, Money.eur("250.00"), on, founder, RECORDED_AT));
                }
                case 6 -> expense(batch, fund, command, Money.ofCents(1_500 + step % 10 * 100, Money.EUR), ExpenseCategory.FOOD,
                        Channel.CASH_BOX, on);
                default -> {
                    append(batch, "PartnerAccount", partner.value(), new InKindReturned(partner, id, command, initiative,
                            InKindCategory.values()[step % InKindCategory.values().length], Money.eur("75.00"), on, founder,
                            RECORDED_AT));
                    contribution(batch, fund, CommandId.of("s-" + step + "-g"), Money.ofCents(2_000 + step % 7 * 100, Money.EUR),
                            ContributionSource.GUEST_CONTRIBUTION, Channel.CASH_BOX, on);
                }
            }
        }

        private void contribution(List<DomainEventMessage<?>> batch, int fund, CommandId command, Money amount,
                                  ContributionSource source, Channel channel, LocalDate on) {
            InitiativeId initiative = initiative(number, fund);
            earn(fund, channel, amount);
            append(batch, "Fund", initiative.value(), new ContributionReceived(initiative, id, command, amount, source,
                    source == ContributionSource.PARTNER ? partner : null, channel, on,
                    member(number, TREASURER_OF_INITIATIVE[fund]), RECORDED_AT));
        }

        /** Fund refuses an expense the channel cannot cover: record a grant into it instead. */
        private void expense(List<DomainEventMessage<?>> batch, int fund, CommandId command, Money amount,
                             ExpenseCategory category, Channel channel, LocalDate on) {
            if (!covered(fund, channel, amount)) {
                contribution(batch, fund, command, amount, ContributionSource.GRANT, channel, on);
                return;
            }
            InitiativeId initiative = initiative(number, fund);
            spend(fund, channel, amount);
            append(batch, "Fund", initiative.value(), new ExpensePaid(initiative, id, command, amount, category,
                    ReceiptReference.of("bon-" + command.value()), channel, on, member(number, TREASURER_OF_INITIATIVE[fund]),
                    RECORDED_AT));
        }

        /** A volunteer's claim, approved by the treasurer (never their own) and paid from the bank when it can be. */
        private void claim(List<DomainEventMessage<?>> batch, int fund, int step, CommandId command, LocalDate on) {
            InitiativeId initiative = initiative(number, fund);
            MemberId treasurer = member(number, TREASURER_OF_INITIATIVE[fund]);
            // Members 3 and up: neither treasurer.
            MemberId claimant = member(number, 3 + step % (MEMBERS_PER_COMMUNITY - 3));
            ClaimId claim = claimId(number, step);
            Money amount = Money.ofCents(1_250 + step % 20 * 250, Money.EUR);
            ExpenseCategory category = step % 3 == 0 ? ExpenseCategory.TRANSPORT : ExpenseCategory.VOLUNTEER_EXPENSES;
            append(batch, "Claim", claim.value(), new ClaimSubmitted(claim, id, initiative, claimant, amount, category,
                    ReceiptReference.of("bon-claim-" + step), on, claimant, RECORDED_AT));
            append(batch, "Claim", claim.value(), new ClaimApproved(claim, id, initiative, command, claimant, amount,
                    category, on, treasurer, RECORDED_AT));
            // Every fourth approved claim of an initiative waits to be paid, so reports show unpaid claims too.
            long claimOfInitiative = step / (INITIATIVE_NAMES.length * STEP_KINDS);
            if (claimOfInitiative % 4 != 3 && covered(fund, Channel.BANK, amount)) {
                spend(fund, Channel.BANK, amount);
                append(batch, "Fund", initiative.value(), new ClaimPaid(initiative, id, CommandId.of("pay-" + step), claim,
                        claimant, treasurer, amount, Channel.BANK, on, treasurer, RECORDED_AT));
            }
        }

        private boolean covered(int fund, Channel channel, Money amount) {
            return centsByFund.get(fund).get(channel) >= amount.cents();
        }

        private void spend(int fund, Channel channel, Money amount) {
            centsByFund.get(fund).merge(channel, -amount.cents(), Long::sum);
        }

        private void earn(int fund, Channel channel, Money amount) {
            centsByFund.get(fund).merge(channel, amount.cents(), Long::sum);
        }

        private void append(List<DomainEventMessage<?>> batch, String type, String aggregate, Object event) {
            long sequence = nextSequence.merge(aggregate, 1L, Long::sum) - 1;
            batch.add(new GenericDomainEventMessage<>(type, aggregate, sequence, event));
        }
    }
}
