package nl.wederkerig.core.harness;

import nl.wederkerig.core.advances.Advance;
import nl.wederkerig.core.advances.AdvanceAdmitted;
import nl.wederkerig.core.advances.AdvanceBook;
import nl.wederkerig.core.advances.AdvanceCancelled;
import nl.wederkerig.core.advances.AdvanceForgiven;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.ErrandAdvanceOpened;
import nl.wederkerig.core.advances.ReimbursementReversed;
import nl.wederkerig.core.claims.Claim;
import nl.wederkerig.core.claims.ClaimSubmitted;
import nl.wederkerig.core.community.Community;
import nl.wederkerig.core.community.CommunityFounded;
import nl.wederkerig.core.community.InitiativeRegistered;
import nl.wederkerig.core.community.MemberDeregistered;
import nl.wederkerig.core.community.MemberRegistered;
import nl.wederkerig.core.community.PartnerRegistered;
import nl.wederkerig.core.community.RoleAssigned;
import nl.wederkerig.core.community.TrustHistoryShared;
import nl.wederkerig.core.errands.Errand;
import nl.wederkerig.core.errands.ErrandChangeReturned;
import nl.wederkerig.core.errands.ErrandOverspent;
import nl.wederkerig.core.errands.ErrandSpendingReported;
import nl.wederkerig.core.errands.ErrandStarted;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.Fund;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.funds.FundMoneyEvent;
import nl.wederkerig.core.funds.FundOpened;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpRecord;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.journal.Accounts;
import nl.wederkerig.core.journal.Journal;
import nl.wederkerig.core.journal.JournalEntry;
import nl.wederkerig.core.journal.Posting;
import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.InKindReturned;
import nl.wederkerig.core.reciprocity.MoneyReturned;
import nl.wederkerig.core.reciprocity.PartnerAccount;
import nl.wederkerig.core.reciprocity.ReciprocityEntry;
import nl.wederkerig.core.reciprocity.ServiceDrawn;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.RuleViolation;
import nl.wederkerig.core.shared.ErrandId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of valid and invalid commands across every capability, strangers and members
 * who leave included, run through the real aggregates in memory; then the books must hold together.
 * Statistics over all tries check that the generator keeps the ledger busy: a generator whose
 * commands were all refused would make every check below vacuous, so the run fails instead.
 */
class LedgerProperties {

    /** Kinds that must be recorded now and then over a run; the rest mostly test refusals. */
    static final List<Step.Kind> MUST_RECORD = List.of(Step.Kind.MAKE_ADVANCE, Step.Kind.ACKNOWLEDGE, Step.Kind.DISPUTE,
            Step.Kind.REIMBURSE, Step.Kind.REVERSE_REIMBURSEMENT, Step.Kind.FORGIVE, Step.Kind.CANCEL, Step.Kind.START_ERRAND,
            Step.Kind.REPORT_ERRAND, Step.Kind.RETURN_CHANGE, Step.Kind.RECORD_HELP, Step.Kind.CONFIRM_HELP,
            Step.Kind.DISPUTE_HELP, Step.Kind.CONTRIBUTE, Step.Kind.SPEND, Step.Kind.TRANSFER, Step.Kind.REVERSE_FUND_ENTRY,
            Step.Kind.SUBMIT_CLAIM, Step.Kind.APPROVE_CLAIM, Step.Kind.REJECT_CLAIM, Step.Kind.PAY_CLAIM,
            Step.Kind.HOURS_DRAWN, Step.Kind.SERVICE_DRAWN, Step.Kind.MONEY_RETURNED, Step.Kind.IN_KIND_RETURNED,
            Step.Kind.REVERSE_RECIPROCITY, Step.Kind.DEREGISTER_MEMBER);

    @Property(tries = 200)
    void theBooksHoldTogether(@ForAll("steps") List<Step> steps) {
        try (LedgerHarness ledger = new LedgerHarness(CLOCK)) {
            Driver driver = new Driver(TODAY);
            driver.setUp().forEach(command -> assertThat(ledger.send(command)).as("setting up: %s", command).isEmpty());
            for (Step step : steps) {
                Object command = driver.commandFor(step);
                int before = ledger.events().size();
                Optional<Throwable> failure = ledger.send(command);
                // A command either succeeds or breaks a named rule; anything else is a bug.
                failure.ifPresent(f -> {
                    assertThat(f).as("%s", command).isInstanceOfAny(RuleViolation.class, AggregateNotFoundException.class);
                    driver.refused(command);
                });
                collect(step.kind(), failure, ledger.events().size() - before);
            }
            List<Object> events = ledger.events();
            List<JournalEntry> entries = Journal.entriesFor(events);
            everyEntryBalancesPerUnit(entries);
            allAccountsSumToZeroPerUnit(entries);
            noNewRecordNamesAStrangerOrSomeoneWhoLeft(events);
            theJournalAgreesWithTheRecordsAfterEveryEvent(events);
            aJournalResumedMidStreamBooksTheSame(events, entries);
            noAdvanceOwesLessThanNothingOrMoreThanItsAmount(events, ledger);
            cashBoxBankEntrustedCashAndClaimsNeverCrossZero(entries, events, ledger);
            everyAggregateAsTheCommandsLeftItEqualsItsReplay(events, ledger);
        }
        requireABusyLedger();
    }

    /** What each command did: recorded something, changed nothing (a repeat), or was refused (and by which rule). */
    private static void collect(Step.Kind kind, Optional<Throwable> failure, int recorded) {
        Statistics.label("outcome").collect(failure.isPresent() ? "refused" : recorded > 0 ? "recorded" : "unchanged");
        if (failure.isEmpty() && recorded > 0) {
            Statistics.label("recorded").collect(kind);
        }
        failure.ifPresent(f -> Statistics.label("refused").collect(f instanceof RuleViolation rule ? rule.code()
                : f.getClass().getSimpleName()));
    }

    /** Checked by jqwik over all tries together. */
    private static void requireABusyLedger() {
        Statistics.label("outcome").coverage(coverage -> coverage.check("recorded").percentage(p -> p >= 33.0));
        Statistics.label("recorded").coverage(coverage -> MUST_RECORD.forEach(kind ->
                coverage.check(kind).count(n -> n >= 3)));
        Statistics.label("refused").coverage(coverage -> {
            coverage.check("unknown-member").count(n -> n >= 20);
            coverage.check("unknown-partner").count(n -> n >= 5);
            coverage.check("unknown-initiative").count(n -> n >= 5);
        });
    }

    private static void everyEntryBalancesPerUnit(List<JournalEntry> entries) {
        for (JournalEntry entry : entries) {
            assertThat(JournalEntry.sumsPerUnit(entry.postings()).values()).as(entry.code()).allMatch(sum -> sum == 0);
        }
    }

    private static void allAccountsSumToZeroPerUnit(List<JournalEntry> entries) {
        Map<Unit, Long> total = new HashMap<>();
        balances(entries).forEach((key, quantity) -> total.merge(key.unit(), quantity, Math::addExact));
        assertThat(total.values()).allMatch(sum -> sum == 0);
    }

    /**
     * The community decides who exists: every new record names only members who are current at
     * that moment (never a stranger, never someone who left) and registered partners and initiatives.
     * An errand's overspend advance is exempt: the debt existed before anyone could leave.
     */
    private static void noNewRecordNamesAStrangerOrSomeoneWhoLeft(List<Object> events) {
        Set<MemberId> current = new HashSet<>();
        Set<PartnerId> partners = new HashSet<>();
        Set<InitiativeId> initiatives = new HashSet<>();
        for (Object event : events) {
            List<MemberId> named = List.of();
            if (event instanceof CommunityFounded e) {
                current.add(e.founder());
            } else if (event instanceof MemberRegistered e) {
                current.add(e.memberId());
            } else if (event instanceof MemberDeregistered e) {
                assertThat(current.remove(e.memberId())).as("%s left without being a member", e.memberId()).isTrue();
            } else if (event instanceof PartnerRegistered e) {
                partners.add(e.partnerId());
            } else if (event instanceof InitiativeRegistered e) {
                initiatives.add(e.initiativeId());
            } else if (event instanceof AdvanceMade e) {
                named = List.of(e.lender(), e.borrower());
            } else if (event instanceof ErrandStarted e) {
                named = List.of(e.asker(), e.helper());
            } else if (event instanceof HelpRecorded e) {
                named = List.of(e.helper(), e.receiver());
            } else if (event instanceof ClaimSubmitted e) {
                named = List.of(e.claimant());
                assertThat(initiatives).as("%s", e).contains(e.initiativeId());
            } else if (event instanceof ContributionReceived e && e.partnerId() != null) {
                assertThat(partners).as("%s", e).contains(e.partnerId());
            } else if (event instanceof ReciprocityEntry e) {
                Tuple.Tuple2<PartnerId, MemberId> recorded = partnerAndActorOf(e);
                named = List.of(recorded.get2());
                assertThat(partners).as("%s", e).contains(recorded.get1());
                assertThat(initiatives).as("%s", e).contains(e.initiativeId());
            } else if (event instanceof RoleAssigned e) {
                named = List.of(e.memberId());
            } else if (event instanceof TrustHistoryShared e) {
                named = List.of(e.actor(), e.viewer());
            }
            assertThat(current).as("%s names someone who is not a current member", event).containsAll(named);
        }
    }

    private static Tuple.Tuple2<PartnerId, MemberId> partnerAndActorOf(ReciprocityEntry entry) {
        if (entry instanceof HoursDrawn e) {
            return Tuple.of(e.partnerId(), e.actor());
        }
        if (entry instanceof ServiceDrawn e) {
            return Tuple.of(e.partnerId(), e.actor());
        }
        if (entry instanceof MoneyReturned e) {
            return Tuple.of(e.partnerId(), e.actor());
        }
        InKindReturned e = (InKindReturned) entry;
        return Tuple.of(e.partnerId(), e.actor());
    }

    /**
     * After every event the journal's balances equal what the records themselves say, computed
     * without the journal: what each advance still owes, the cash each helper holds, the minutes of
     * help that are not disputed, what was forgiven, what each fund holds per channel.
     */
    private static void theJournalAgreesWithTheRecordsAfterEveryEvent(List<Object> events) {
        Journal journal = new Journal();
        Map<String, Long> booked = new TreeMap<>();
        Records records = new Records();
        for (Object event : events) {
            journal.entryFor(event).ifPresent(entry -> entry.postings().forEach(p ->
                    booked.merge(p.account() + "|" + p.unit(), p.quantity(), Math::addExact)));
            records.apply(event);
            Map<String, Long> expected = records.balances();
            Map<String, Long> comparable = new TreeMap<>();
            booked.forEach((account, quantity) -> {
                if (quantity != 0 && Records.covers(account)) {
                    comparable.put(account, quantity);
                }
            });
            assertThat(comparable).as("after %s", event).isEqualTo(expected);
        }
    }

    /** The records, kept by their own rules rather than by postings. */
    private static final class Records {

        private record Debt(MemberId lender, MemberId borrower, long outstandingCents) {
        }

        private record Cash(MemberId asker, MemberId helper, long heldCents) {
        }

        private record Help(MemberId helper, MemberId receiver, long minutes, boolean disputed) {
        }

        private final Map<AdvanceId, Debt> advances = new HashMap<>();
        private final Map<ErrandId, Cash> errands = new HashMap<>();
        private final Map<HelpId, Help> helps = new HashMap<>();
        private final Map<MemberId, Long> forgiven = new HashMap<>();
        private final Map<String, Long> funds = new HashMap<>();

        static boolean covers(String account) {
            return account.startsWith("assets:receivable:") || account.startsWith("liabilities:payable:")
                    || account.startsWith("assets:entrusted:") || account.startsWith("liabilities:entrusted:")
                    || account.startsWith("income:hours-given:") || account.startsWith("expenses:hours-received:")
                    || account.startsWith("expenses:gifts-given:") || account.startsWith("assets:initiative:");
        }

        void apply(Object event) {
            if (event instanceof AdvanceMade e) {
                advances.put(e.advanceId(), new Debt(e.lender(), e.borrower(), e.amount().cents()));
            } else if (event instanceof ErrandOverspent e) {
                advances.put(e.advanceId(), new Debt(e.lender(), e.borrower(), e.amount().cents()));
            } else if (event instanceof AdvanceReimbursed e) {
                owes(e.advanceId(), e.outstandingAfter());
            } else if (event instanceof ReimbursementReversed e) {
                owes(e.advanceId(), e.outstandingAfter());
            } else if (event instanceof AdvanceForgiven e) {
                forgiven.merge(advances.get(e.advanceId()).lender(), e.amount().cents(), Long::sum);
                owes(e.advanceId(), Money.zero(Money.EUR));
            } else if (event instanceof AdvanceCancelled e) {
                owes(e.advanceId(), Money.zero(Money.EUR));
            } else if (event instanceof ErrandStarted e) {
                errands.put(e.errandId(), new Cash(e.asker(), e.helper(), e.entrusted().cents()));
            } else if (event instanceof ErrandSpendingReported e) {
                errands.computeIfPresent(e.errandId(), (id, cash) -> new Cash(cash.asker(), cash.helper(), e.changeDue().cents()));
            } else if (event instanceof ErrandChangeReturned e) {
                errands.computeIfPresent(e.errandId(), (id, cash) -> new Cash(cash.asker(), cash.helper(), 0));
            } else if (event instanceof HelpRecorded e) {
                helps.put(e.helpId(), new Help(e.helper(), e.receiver(), e.hours().minutes(), false));
            } else if (event instanceof HelpDisputed e) {
                helps.computeIfPresent(e.helpId(), (id, h) -> new Help(h.helper(), h.receiver(), h.minutes(), true));
            } else if (event instanceof HelpConfirmed e) {
                helps.computeIfPresent(e.helpId(), (id, h) -> new Help(h.helper(), h.receiver(), h.minutes(), false));
            } else if (event instanceof FundMoneyEvent e) {
                fundChange(e, 1);
            } else if (event instanceof FundEntryReversed e) {
                fundChange(e.original(), -1);
            }
        }

        private void owes(AdvanceId advance, Money outstanding) {
            advances.computeIfPresent(advance, (id, debt) -> new Debt(debt.lender(), debt.borrower(), outstanding.cents()));
        }

        private void fundChange(FundMoneyEvent event, int sign) {
            for (Channel channel : Channel.values()) {
                funds.merge(Accounts.fund(initiativeOf(event), channel) + "|EUR", sign * event.changeOf(channel).cents(), Long::sum);
            }
        }

        private static InitiativeId initiativeOf(FundMoneyEvent event) {
            if (event instanceof ContributionReceived e) {
                return e.initiativeId();
            }
            if (event instanceof nl.wederkerig.core.funds.ExpensePaid e) {
                return e.initiativeId();
            }
            if (event instanceof nl.wederkerig.core.funds.FundTransferred e) {
                return e.initiativeId();
            }
            return ((nl.wederkerig.core.funds.ClaimPaid) event).initiativeId();
        }

        Map<String, Long> balances() {
            Map<String, Long> expected = new TreeMap<>();
            advances.values().forEach(d -> {
                expected.merge(Accounts.receivable(d.lender(), d.borrower()) + "|EUR", d.outstandingCents(), Long::sum);
                expected.merge(Accounts.payable(d.borrower(), d.lender()) + "|EUR", -d.outstandingCents(), Long::sum);
            });
            errands.values().forEach(c -> {
                expected.merge(Accounts.entrustedOut(c.asker(), c.helper()) + "|EUR", c.heldCents(), Long::sum);
                expected.merge(Accounts.entrustedIn(c.helper(), c.asker()) + "|EUR", -c.heldCents(), Long::sum);
            });
            helps.values().stream().filter(h -> !h.disputed()).forEach(h -> {
                expected.merge(Accounts.hoursGiven(h.helper()) + "|MIN", -h.minutes(), Long::sum);
                expected.merge(Accounts.hoursReceived(h.receiver()) + "|MIN", h.minutes(), Long::sum);
            });
            forgiven.forEach((lender, cents) -> expected.merge(Accounts.giftsGiven(lender) + "|EUR", cents, Long::sum));
            funds.forEach((account, cents) -> expected.merge(account, cents, Long::sum));
            expected.values().removeIf(quantity -> quantity == 0);
            return expected;
        }
    }

    /**
     * A journal that starts halfway, told only what the tables of the journal read model keep
     * (advance parties, help records and whether they stand disputed), books the second half
     * exactly as one that saw everything.
     */
    private static void aJournalResumedMidStreamBooksTheSame(List<Object> events, List<JournalEntry> entries) {
        int half = events.size() / 2;
        Map<AdvanceId, Journal.Parties> parties = new HashMap<>();
        Map<HelpId, Journal.HelpGiven> helps = new HashMap<>();
        List<JournalEntry> resumed = new ArrayList<>(Journal.entriesFor(events.subList(0, half)));
        for (Object event : events.subList(0, half)) {
            if (event instanceof AdvanceMade e) {
                parties.put(e.advanceId(), new Journal.Parties(e.lender(), e.borrower()));
            } else if (event instanceof ErrandAdvanceOpened e) {
                parties.put(e.advanceId(), new Journal.Parties(e.lender(), e.borrower()));
            } else if (event instanceof HelpRecorded e) {
                helps.put(e.helpId(), new Journal.HelpGiven(e.helper(), e.receiver(), e.hours().minutes(), false));
            } else if (event instanceof HelpDisputed e) {
                helps.computeIfPresent(e.helpId(), (id, h) -> new Journal.HelpGiven(h.helper(), h.receiver(), h.minutes(), true));
            } else if (event instanceof HelpConfirmed e) {
                helps.computeIfPresent(e.helpId(), (id, h) -> new Journal.HelpGiven(h.helper(), h.receiver(), h.minutes(), false));
            }
        }
        Journal second = new Journal(new Journal.Earlier() {
            @Override
            public Optional<Journal.Parties> advance(AdvanceId advance) {
                return Optional.ofNullable(parties.get(advance));
            }

            @Override
            public Optional<Journal.HelpGiven> help(HelpId help) {
                return Optional.ofNullable(helps.get(help));
            }
        });
        events.subList(half, events.size()).forEach(event -> second.entryFor(event).ifPresent(resumed::add));
        assertThat(resumed).isEqualTo(entries);
    }

    private static void noAdvanceOwesLessThanNothingOrMoreThanItsAmount(List<Object> events, LedgerHarness ledger) {
        Map<AdvanceId, Money> amount = new HashMap<>();
        Map<AdvanceId, Money> outstanding = new HashMap<>();
        for (Object event : events) {
            if (event instanceof AdvanceMade e) {
                amount.put(e.advanceId(), e.amount());
                outstanding.put(e.advanceId(), e.amount());
            } else if (event instanceof ErrandAdvanceOpened e) {
                amount.put(e.advanceId(), e.amount());
                outstanding.put(e.advanceId(), e.amount());
            } else if (event instanceof AdvanceReimbursed e) {
                outstanding.merge(e.advanceId(), e.amount(), Money::minus);
                assertThat(outstanding.get(e.advanceId())).isEqualTo(e.outstandingAfter());
            } else if (event instanceof ReimbursementReversed e) {
                outstanding.merge(e.advanceId(), e.amount(), Money::plus);
                assertThat(outstanding.get(e.advanceId())).isEqualTo(e.outstandingAfter());
            } else if (event instanceof AdvanceForgiven e) {
                outstanding.merge(e.advanceId(), e.amount(), Money::minus);
            } else if (event instanceof AdvanceCancelled e) {
                outstanding.merge(e.advanceId(), e.amount(), Money::minus);
            } else {
                continue;
            }
            outstanding.forEach((id, owed) -> {
                assertThat(owed.amount().signum()).as("advance %s owes %s", id, owed).isNotNegative();
                assertThat(owed.isGreaterThan(amount.get(id))).as("advance %s owes %s", id, owed).isFalse();
            });
        }
        outstanding.forEach((id, owed) ->
                assertThat(ledger.replay(Advance.class, id.value()).outstandingNow()).isEqualTo(owed));
    }

    private static void cashBoxBankEntrustedCashAndClaimsNeverCrossZero(List<JournalEntry> entries, List<Object> events,
                                                                       LedgerHarness ledger) {
        Map<String, Long> running = new HashMap<>();
        for (JournalEntry entry : entries) {
            for (Posting posting : entry.postings()) {
                long after = running.merge(posting.account(), posting.quantity(), Math::addExact);
                if (posting.account().startsWith("assets:initiative:") || posting.account().startsWith("assets:entrusted:")) {
                    assertThat(after).as("%s after %s", posting.account(), entry.code()).isNotNegative();
                }
                if (posting.account().startsWith("liabilities:claims:")) {
                    assertThat(after).as("%s after %s", posting.account(), entry.code()).isNotPositive();
                }
            }
        }
        for (Object event : events) {
            if (event instanceof FundOpened opened) {
                Fund fund = ledger.replay(Fund.class, opened.initiativeId().value());
                for (Channel channel : Channel.values()) {
                    long journal = running.getOrDefault(Accounts.fund(opened.initiativeId(), channel), 0L);
                    assertThat(fund.balance(channel).cents()).as("%s %s", opened.initiativeId(), channel).isEqualTo(journal);
                }
            }
        }
    }

    /**
     * Two states built independently must agree: the cached instance that handled the commands,
     * changed event by event as they were applied (what the application keeps between commands),
     * and one rebuilt from the stored events alone. State changed outside an event sourcing
     * handler, or left behind by a refused command, shows up here. Collections are compared in
     * order: both instances saw the same changes in the same order, so even hash sets iterate alike.
     */
    private static void everyAggregateAsTheCommandsLeftItEqualsItsReplay(List<Object> events, LedgerHarness ledger) {
        aggregatesIn(events).forEach((id, type) -> assertThat(SameState.difference(ledger.live(type, id), ledger.replay(type, id)))
                .as("%s %s", type.getSimpleName(), id).isEmpty());
    }

    /** Every aggregate the events speak of, by id, with its type. */
    private static Map<String, Class<?>> aggregatesIn(List<Object> events) {
        Map<String, Class<?>> aggregates = new LinkedHashMap<>();
        aggregates.put(Driver.WEST.value(), Community.class);
        for (Object event : events) {
            aggregateOf(event).ifPresent(pair -> aggregates.put(pair.get1(), pair.get2()));
        }
        return aggregates;
    }

    private static Optional<Tuple.Tuple2<String, Class<?>>> aggregateOf(Object event) {
        if (event instanceof AdvanceMade e) {
            return Optional.of(Tuple.of(e.advanceId().value(), Advance.class));
        }
        if (event instanceof ErrandAdvanceOpened e) {
            return Optional.of(Tuple.of(e.advanceId().value(), Advance.class));
        }
        if (event instanceof AdvanceAdmitted e) {
            return Optional.of(Tuple.of(e.bookId().toString(), AdvanceBook.class));
        }
        if (event instanceof ErrandStarted e) {
            return Optional.of(Tuple.of(e.errandId().value(), Errand.class));
        }
        if (event instanceof HelpRecorded e) {
            return Optional.of(Tuple.of(e.helpId().value(), HelpRecord.class));
        }
        if (event instanceof FundOpened e) {
            return Optional.of(Tuple.of(e.initiativeId().value(), Fund.class));
        }
        if (event instanceof ClaimSubmitted e) {
            return Optional.of(Tuple.of(e.claimId().value(), Claim.class));
        }
        if (event instanceof HoursDrawn e) {
            return Optional.of(Tuple.of(e.partnerId().value(), PartnerAccount.class));
        }
        if (event instanceof ServiceDrawn e) {
            return Optional.of(Tuple.of(e.partnerId().value(), PartnerAccount.class));
        }
        if (event instanceof MoneyReturned e) {
            return Optional.of(Tuple.of(e.partnerId().value(), PartnerAccount.class));
        }
        if (event instanceof InKindReturned e) {
            return Optional.of(Tuple.of(e.partnerId().value(), PartnerAccount.class));
        }
        return Optional.empty();
    }

    private record Key(String account, Unit unit) {
    }

    private static Map<Key, Long> balances(List<JournalEntry> entries) {
        Map<Key, Long> balances = new HashMap<>();
        entries.forEach(entry -> entry.postings().forEach(p -> balances.merge(new Key(p.account(), p.unit()), p.quantity(), Math::addExact)));
        return balances;
    }

    /** Steps that follow up on a record come as often as those that create one, so chains get long enough. */
    private static Arbitrary<Step.Kind> kinds() {
        Map<Step.Kind, Integer> weights = Map.of(Step.Kind.MAKE_ADVANCE, 4, Step.Kind.REIMBURSE, 4, Step.Kind.ACKNOWLEDGE, 2,
                Step.Kind.START_ERRAND, 3, Step.Kind.REPORT_ERRAND, 3, Step.Kind.CONTRIBUTE, 3, Step.Kind.SPEND, 3,
                Step.Kind.SUBMIT_CLAIM, 3, Step.Kind.APPROVE_CLAIM, 3, Step.Kind.PAY_CLAIM, 3);
        List<Tuple.Tuple2<Integer, Arbitrary<Step.Kind>>> choices = new java.util.ArrayList<>();
        for (Step.Kind kind : Step.Kind.values()) {
            choices.add(Tuple.of(weights.getOrDefault(kind, 1), Arbitraries.just(kind)));
        }
        return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> cents = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().between(-500, -1)),
                Tuple.of(12, Arbitraries.longs().between(1, 20_000)),
                Tuple.of(1, Arbitraries.longs().between(20_001, 12_000_000)));
        Arbitrary<Integer> daysBack = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(-1)),
                Tuple.of(20, Arbitraries.integers().between(0, 10)),
                Tuple.of(1, Arbitraries.just(800)));
        // Driver.MEMBERS itself is the stranger the community never registered.
        Arbitrary<Integer> party = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between(0, Driver.MEMBERS - 1)),
                Tuple.of(1, Arbitraries.just(Driver.MEMBERS)));
        Arbitrary<Step> step = Combinators.combine(
                kinds(),
                Arbitraries.frequency(Tuple.of(6, true), Tuple.of(1, false)),
                party,
                party,
                Arbitraries.integers().between(0, 31),
                Arbitraries.integers().between(0, 200),
                cents,
                daysBack).as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(50);
    }
}
