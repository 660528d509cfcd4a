package nl.wederkerig.core.journal;

import nl.wederkerig.core.advances.AdvanceCancelled;
import nl.wederkerig.core.advances.AdvanceForgiven;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.ErrandAdvanceOpened;
import nl.wederkerig.core.advances.ReimbursementReversed;
import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.errands.ErrandChangeReturned;
import nl.wederkerig.core.errands.ErrandOverspent;
import nl.wederkerig.core.errands.ErrandSpendingReported;
import nl.wederkerig.core.errands.ErrandStarted;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.funds.FundMoneyEvent;
import nl.wederkerig.core.funds.FundTransferred;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.InKindReturned;
import nl.wederkerig.core.reciprocity.MoneyReturned;
import nl.wederkerig.core.reciprocity.ReciprocityEntry;
import nl.wederkerig.core.reciprocity.ReciprocityEntryReversed;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.reconciliation.PeriodReopened;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static nl.wederkerig.core.journal.Accounts.claims;
import static nl.wederkerig.core.journal.Accounts.drawn;
import static nl.wederkerig.core.journal.Accounts.entrustedIn;
import static nl.wederkerig.core.journal.Accounts.entrustedOut;
import static nl.wederkerig.core.journal.Accounts.expenses;
import static nl.wederkerig.core.journal.Accounts.fund;
import static nl.wederkerig.core.journal.Accounts.giftsGiven;
import static nl.wederkerig.core.journal.Accounts.giftsReceived;
import static nl.wederkerig.core.journal.Accounts.hoursGiven;
import static nl.wederkerig.core.journal.Accounts.hoursReceived;
import static nl.wederkerig.core.journal.Accounts.income;
import static nl.wederkerig.core.journal.Accounts.payable;
import static nl.wederkerig.core.journal.Accounts.receivable;
import static nl.wederkerig.core.journal.Accounts.reciprocityBalance;
import static nl.wederkerig.core.journal.Accounts.returnedInKind;
import static nl.wederkerig.core.journal.Accounts.returnedMoney;

/**
 * Maps domain events to balanced journal entries, one event at a time and in stream order.
 *
 * <p>Deterministic: the same events in the same order give the same entries. It remembers two
 * things, because later events name a record but not what the journal needs of it: who lent to
 * whom per advance (the advance events after {@code AdvanceMade}, a published contract, name only
 * the advance), and per record of help its two parties, its minutes and whether it stands disputed
 * (a disputed record's minutes leave the books until the receiver confirms it after all). Events
 * that move neither money nor hours (acknowledgements, an advance's dispute, roles, ...) have no entry.
 */
public final class Journal {

    /** Who lent to whom on one advance. */
    public record Parties(MemberId lender, MemberId borrower) {
    }

    /** One record of help as the journal counts it: its minutes are on the books unless it stands disputed. */
    public record HelpGiven(MemberId helper, MemberId receiver, long minutes, boolean disputed) {

        HelpGiven withDisputed(boolean now) {
            return new HelpGiven(helper, receiver, minutes, now);
        }
    }

    /**
     * What a journal that starts mid-stream (a read model's processor resuming after a restart)
     * asks about records made before its first event, e.g. from tables the reader keeps. Asked
     * only when an event needs it, so every event the mapping knows is covered without a list to
     * keep in step.
     */
    public interface Earlier {

        Optional<Parties> advance(AdvanceId advance);

        Optional<HelpGiven> help(HelpId help);
    }

    /** A journal that sees every event from the first needs nothing from before. */
    private static final Earlier NOTHING_EARLIER = new Earlier() {
        @Override
        public Optional<Parties> advance(AdvanceId advance) {
            return Optional.empty();
        }

        @Override
        public Optional<HelpGiven> help(HelpId help) {
            return Optional.empty();
        }
    };

    private final Map<AdvanceId, Parties> advances = new HashMap<>();
    private final Map<HelpId, HelpGiven> helps = new HashMap<>();
    private final Earlier earlier;

    /** A journal that sees every event from the first: it learns everything itself. */
    public Journal() {
        this(NOTHING_EARLIER);
    }

    /** A journal that may start mid-stream: {@code earlier} answers for records made before its first event. */
    public Journal(Earlier earlier) {
        this.earlier = Objects.requireNonNull(earlier, "earlier");
    }

    /** All entries for a stream of events (in the order they were recorded). */
    public static List<JournalEntry> entriesFor(Iterable<?> events) {
        Journal journal = new Journal();
        List<JournalEntry> entries = new ArrayList<>();
        for (Object event : events) {
            journal.entryFor(event).ifPresent(entries::add);
        }
        return entries;
    }

    /**
     * The balance assertion of a period close: the fund's bank account holds the agreed balance at the
     * end of the period's last day. Stateless: a close names everything it needs.
     */
    public static Optional<BalanceAssertion> assertionFor(Object event) {
        if (event instanceof PeriodClosed e) {
            return Optional.of(new BalanceAssertion(e.communityId(), e.commandId().value(), e.periodEnd(), "period closed",
                    fund(e.initiativeId(), Channel.BANK), Unit.EUR, e.bankBalance().cents()));
        }
        return Optional.empty();
    }

    /**
     * The assertion a reopening withdraws: once entries may be dated in the close's period again, the
     * balance it asserted need not hold, and the export leaves it out.
     */
    public static Optional<BalanceAssertion.Key> withdrawnAssertionFor(Object event) {
        if (event instanceof PeriodReopened e) {
            return Optional.of(new BalanceAssertion.Key(e.communityId(), fund(e.initiativeId(), Channel.BANK), e.closeId().value()));
        }
        return Optional.empty();
    }

    public Optional<JournalEntry> entryFor(Object event) {
        if (event instanceof AdvanceMade e) {
            advances.put(e.advanceId(), new Parties(e.lender(), e.borrower()));
            return debt(e.communityId(), e.advanceId().value(), e.businessDate(), "advance made", e.lender(), e.borrower(), e.amount());
        }
        if (event instanceof ErrandAdvanceOpened e) {
            // The errand's ErrandOverspent booked this debt already; remember the parties for what follows.
            advances.put(e.advanceId(), new Parties(e.lender(), e.borrower()));
            return Optional.empty();
        }
        if (event instanceof AdvanceReimbursed e) {
            Parties p = partiesOf(e.advanceId());
            return settle(e.communityId(), e.commandId().value(), e.businessDate(), "advance reimbursed", p, e.amount());
        }
        if (event instanceof ReimbursementReversed e) {
            Parties p = partiesOf(e.advanceId());
            return settle(e.communityId(), e.reimbursementId().value(), e.businessDate(), "advance reimbursed", p, e.amount())
                    .map(original -> original.mirror(e.commandId().value(), e.businessDate()));
        }
        if (event instanceof AdvanceCancelled e) {
            Parties p = partiesOf(e.advanceId());
            return settle(e.communityId(), e.commandId().value(), e.businessDate(), "advance cancelled", p, e.amount());
        }
        if (event instanceof AdvanceForgiven e) {
            return forgiven(e);
        }
        return errandEntry(event)
                .or(() -> fundEntry(event))
                .or(() -> otherEntry(event));
    }

    private Optional<JournalEntry> errandEntry(Object event) {
        if (event instanceof ErrandStarted e) {
            return entry(e.communityId(), e.errandId().value(), e.businessDate(), "errand cash entrusted",
                    eur(entrustedOut(e.asker(), e.helper()), e.entrusted()), eurCredit(entrustedIn(e.helper(), e.asker()), e.entrusted()));
        }
        if (event instanceof ErrandSpendingReported e) {
            return entrustedBack(e.communityId(), e.commandId().value(), e.businessDate(), "errand cash spent",
                    e.asker(), e.helper(), e.settledFromEntrusted());
        }
        if (event instanceof ErrandChangeReturned e) {
            return entrustedBack(e.communityId(), e.commandId().value(), e.businessDate(), "errand change returned",
                    e.asker(), e.helper(), e.amount());
        }
        if (event instanceof ErrandOverspent e) {
            // Coded with the errand's id: the overspend is that errand's, and the advance's id is derived from it.
            return debt(e.communityId(), e.errandId().value(), e.businessDate(), "errand overspent", e.lender(), e.borrower(), e.amount());
        }
        return Optional.empty();
    }

    private Optional<JournalEntry> fundEntry(Object event) {
        if (event instanceof FundMoneyEvent e) {
            return fundMoney(e);
        }
        if (event instanceof FundEntryReversed e) {
            return fundMoney(e.original()).map(original -> original.mirror(e.commandId().value(), e.businessDate()));
        }
        if (event instanceof ClaimApproved e) {
            return entry(e.communityId(), e.claimId().value(), e.businessDate(), "claim approved",
                    eur(expenses(e.initiativeId(), e.category()), e.amount()), eurCredit(claims(e.initiativeId(), e.claimant()), e.amount()));
        }
        return Optional.empty();
    }

    private Optional<JournalEntry> otherEntry(Object event) {
        if (event instanceof HelpRecorded e) {
            HelpGiven help = new HelpGiven(e.helper(), e.receiver(), e.hours().minutes(), false);
            helps.put(e.helpId(), help);
            return hours(e.communityId(), e.helpId(), e.businessDate(), "help given", help, 1);
        }
        if (event instanceof HelpDisputed e) {
            // A disputed record does not count: its minutes leave the books on the dispute's date.
            HelpGiven help = helpOf(e.helpId());
            if (help.disputed()) {
                return Optional.empty();
            }
            helps.put(e.helpId(), help.withDisputed(true));
            return hours(e.communityId(), e.helpId(), e.businessDate(), "help disputed", help, -1);
        }
        if (event instanceof HelpConfirmed e) {
            // Confirming a disputed record resolves the dispute: its minutes count again from that date.
            HelpGiven help = helpOf(e.helpId());
            if (!help.disputed()) {
                return Optional.empty();
            }
            helps.put(e.helpId(), help.withDisputed(false));
            return hours(e.communityId(), e.helpId(), e.businessDate(), "help confirmed after a dispute", help, 1);
        }
        if (event instanceof ReciprocityEntry e) {
            return reciprocity(e);
        }
        if (event instanceof ReciprocityEntryReversed e) {
            return reciprocity(e.original()).map(original -> original.mirror(e.commandId().value(), e.businessDate()));
        }
        return Optional.empty();
    }

    private Optional<JournalEntry> fundMoney(FundMoneyEvent event) {
        if (event instanceof ContributionReceived e) {
            return entry(e.communityId(), e.commandId().value(), e.businessDate(), "contribution received",
                    eur(fund(e.initiativeId(), e.channel()), e.amount()), eurCredit(income(e.initiativeId(), e.source(), e.partnerId()), e.amount()));
        }
        if (event instanceof ExpensePaid e) {
            return entry(e.communityId(), e.commandId().value(), e.businessDate(), "expense paid",
                    eur(expenses(e.initiativeId(), e.category()), e.amount()), eurCredit(fund(e.initiativeId(), e.channel()), e.amount()));
        }
        if (event instanceof FundTransferred e) {
            return entry(e.communityId(), e.commandId().value(), e.businessDate(), "transfer within fund",
                    eur(fund(e.initiativeId(), e.to()), e.amount()), eurCredit(fund(e.initiativeId(), e.from()), e.amount()));
        }
        ClaimPaid e = (ClaimPaid) event;
        return entry(e.communityId(), e.commandId().value(), e.businessDate(), "claim paid",
                eur(claims(e.initiativeId(), e.claimant()), e.amount()), eurCredit(fund(e.initiativeId(), e.channel()), e.amount()));
    }

    private Optional<JournalEntry> reciprocity(ReciprocityEntry event) {
        if (event instanceof HoursDrawn e) {
            long minutes = e.hours().minutes();
            return entry(e.communityId(), e.commandId().value(), e.businessDate(), "hours drawn by partner",
                    new Posting(reciprocityBalance(e.partnerId()), Unit.MIN, minutes), new Posting(drawn(e.partnerId(), e.initiativeId()), Unit.MIN, -minutes));
        }
        if (event instanceof MoneyReturned e) {
            return entry(e.communityId(), e.commandId().value(), e.businessDate(), "money returned by partner",
                    eur(returnedMoney(e.partnerId(), e.initiativeId()), e.amount()), eurCredit(reciprocityBalance(e.partnerId()), e.amount()));
        }
        if (event instanceof InKindReturned e) {
            return entry(e.communityId(), e.commandId().value(), e.businessDate(), "support in kind returned by partner",
                    eur(returnedInKind(e.partnerId(), e.initiativeId(), e.category()), e.value()), eurCredit(reciprocityBalance(e.partnerId()), e.value()));
        }
        return Optional.empty(); // services drawn are counted, not valued
    }

    private Optional<JournalEntry> forgiven(AdvanceForgiven e) {
        Parties p = partiesOf(e.advanceId());
        return entry(e.communityId(), e.commandId().value(), e.businessDate(), "advance forgiven",
                eur(giftsGiven(p.lender()), e.amount()), eurCredit(receivable(p.lender(), p.borrower()), e.amount()),
                eur(payable(p.borrower(), p.lender()), e.amount()), eurCredit(giftsReceived(p.borrower()), e.amount()));
    }

    /** A new debt of {@code borrower} to {@code lender}, booked on both sides. */
    private static Optional<JournalEntry> debt(CommunityId community, String code, LocalDate date, String description,
                                               MemberId lender, MemberId borrower, Money amount) {
        return entry(community, code, date, description,
                eur(receivable(lender, borrower), amount), eurCredit(payable(borrower, lender), amount));
    }

    /** Part or all of a debt paid back or withdrawn: the exact opposite of {@link #debt}. */
    private static Optional<JournalEntry> settle(CommunityId community, String code, LocalDate date, String description,
                                                 Parties p, Money amount) {
        return entry(community, code, date, description,
                eur(payable(p.borrower(), p.lender()), amount), eurCredit(receivable(p.lender(), p.borrower()), amount));
    }

    private static Optional<JournalEntry> entrustedBack(CommunityId community, String code, LocalDate date,
                                                        String description, MemberId asker, MemberId helper, Money amount) {
        if (amount.isZero()) {
            return Optional.empty();
        }
        return entry(community, code, date, description,
                eur(entrustedIn(helper, asker), amount), eurCredit(entrustedOut(asker, helper), amount));
    }

    /** The receiver's hours received and the helper's hours given, booked ({@code sign} 1) or taken off (-1). */
    private static Optional<JournalEntry> hours(CommunityId community, HelpId help, LocalDate date, String description,
                                                HelpGiven given, int sign) {
        long minutes = sign * given.minutes();
        return entry(community, help.value(), date, description,
                new Posting(hoursReceived(given.receiver()), Unit.MIN, minutes), new Posting(hoursGiven(given.helper()), Unit.MIN, -minutes));
    }

    private HelpGiven helpOf(HelpId help) {
        HelpGiven given = helps.get(help);
        if (given == null) {
            given = earlier.help(help).orElse(null);
        }
        if (given == null) {
            throw new IllegalStateException("help " + help + " seen before it was recorded: events out of order");
        }
        return given;
    }

    private Parties partiesOf(AdvanceId advance) {
        Parties parties = advances.get(advance);
        if (parties == null) {
            parties = earlier.advance(advance).orElse(null);
        }
        if (parties == null) {
            throw new IllegalStateException("advance " + advance + " seen before it was made: events out of order");
        }
        return parties;
    }

    private static Optional<JournalEntry> entry(CommunityId community, String code, LocalDate date, String description,
                                                Posting... postings) {
        return Optional.of(new JournalEntry(community, code, date, description, List.of(postings)));
    }

    private static Posting eur(String account, Money amount) {
        requireEur(amount);
        return new Posting(account, Unit.EUR, amount.cents());
    }

    private static Posting eurCredit(String account, Money amount) {
        requireEur(amount);
        return new Posting(account, Unit.EUR, -amount.cents());
    }

    private static void requireEur(Money amount) {
        if (!Money.EUR.equals(amount.currency())) {
            throw new IllegalArgumentException("the journal keeps EUR only, not " + amount.currency());
        }
    }
}
