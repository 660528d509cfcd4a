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
import nl.wederkerig.core.errands.Errand;
import nl.wederkerig.core.errands.ErrandStarted;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.Fund;
import nl.wederkerig.core.funds.FundOpened;
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
import nl.wederkerig.core.reciprocity.ServiceDrawn;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.RuleViolation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of valid and invalid commands across every capability, run through the real
 * aggregates in memory; then the books must hold together.
 */
class LedgerProperties {

    @Property(tries = 200)
    void theBooksHoldTogether(@ForAll("steps") List<Step> steps) {
        try (LedgerHarness ledger = new LedgerHarness(CLOCK)) {
            Driver driver = new Driver(TODAY);
            driver.setUp().forEach(command -> assertThat(ledger.send(command)).as("setting up: %s", command).isEmpty());
            for (Step step : steps) {
                Object command = driver.commandFor(step);
                // A command either succeeds or breaks a named rule; anything else is a bug.
                ledger.send(command).ifPresent(failure -> assertThat(failure).as("%s", command)
                        .isInstanceOfAny(RuleViolation.class, AggregateNotFoundException.class));
            }
            List<Object> events = ledger.events();
            List<JournalEntry> entries = Journal.entriesFor(events);
            everyEntryBalancesPerUnit(entries);
            allAccountsSumToZeroPerUnit(entries);
            noAdvanceOwesLessThanNothingOrMoreThanItsAmount(events, ledger);
            cashBoxBankEntrustedCashAndClaimsNeverCrossZero(entries, events, ledger);
            replayingGivesTheSameState(events, entries, ledger);
        }
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

    private static void replayingGivesTheSameState(List<Object> events, List<JournalEntry> entries, LedgerHarness ledger) {
        assertThat(Journal.entriesFor(events)).isEqualTo(entries);
        aggregatesIn(events).forEach((id, type) -> assertThat(ledger.replay(type, id)).as("%s %s", type.getSimpleName(), id)
                .usingRecursiveComparison().isEqualTo(ledger.replay(type, id)));
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
        Arbitrary<Step> step = Combinators.combine(
                kinds(),
                Arbitraries.frequency(Tuple.of(6, true), Tuple.of(1, false)),
                Arbitraries.integers().between(0, Driver.MEMBERS - 1),
                Arbitraries.integers().between(0, Driver.MEMBERS - 1),
                Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 200),
                cents,
                daysBack).as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(50);
    }
}
