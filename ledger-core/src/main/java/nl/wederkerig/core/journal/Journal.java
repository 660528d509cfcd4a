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
import java.util.function.Function;

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
 * <p>Deterministic: the same events in the same order give the same entries. The only thing it
 * remembers is who lent to whom per advance, because the advance events after {@code AdvanceMade}
 * (a published contract) name the advance but not its two parties. Events that move neither money
 * nor hours (acknowledgements, disputes, roles, ...) have no entry.
 */
public final class Journal {

    /** Who lent to whom on one advance. */
    public record Parties(MemberId lender, MemberId borrower) {
    }

    private final Map<AdvanceId, Parties> advances = new HashMap<>();
    private final Function<AdvanceId, Optional<Parties>> madeEarlier;

    /** A journal that sees every event from the first: it learns all parties itself. */
    public Journal() {
        this(advance -> Optional.empty());
    }

    /**
     * A journal that may start mid-stream (a read model's processor resuming after a restart):
     * {@code madeEarlier} supplies the parties of an advance made before this journal's first
     * event, e.g. from a table the reader keeps. Asked only when an event needs them, so every
     * advance event the mapping knows (now or later) is covered without a list to keep in step.
     */
    public Journal(Function<AdvanceId, Optional<Parties>> madeEarlier) {
        this.madeEarlier = Objects.requireNonNull(madeEarlier, "madeEarlier");
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
            return debt(e.communityId(), e.advanceId().value(), e.businessDate(), "errand overspent", e.lender(), e.borrower(), e.amount());
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
            long minutes = e.hours().minutes();
            return entry(e.communityId(), e.helpId().value(), e.businessDate(), "help given",
                    new Posting(hoursReceived(e.receiver()), Unit.MIN, minutes), new Posting(hoursGiven(e.helper()), Unit.MIN, -minutes));
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

    private Parties partiesOf(AdvanceId advance) {
        Parties parties = advances.get(advance);
        if (parties == null) {
            parties = madeEarlier.apply(advance).orElse(null);
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
