package nl.wederkerig.core.harness;

import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.funds.FundMoneyEvent;
import nl.wederkerig.core.funds.FundTransferred;
import nl.wederkerig.core.funds.TreasurerAppointed;
import nl.wederkerig.core.funds.TreasurerReleased;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.BankAccountLinked;
import nl.wederkerig.core.reconciliation.BankLine;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.BankLinesMatched;
import nl.wederkerig.core.reconciliation.ClosePeriod;
import nl.wederkerig.core.reconciliation.ConfirmMatch;
import nl.wederkerig.core.reconciliation.ImportStatement;
import nl.wederkerig.core.reconciliation.LinkBankAccount;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.reconciliation.PeriodReopened;
import nl.wederkerig.core.reconciliation.ReopenPeriod;
import nl.wederkerig.core.reconciliation.ReopenReason;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A careful treasurer, for the oracles: from the events so far, it links the fund's account, imports
 * a statement whose lines mirror every bank movement of the fund since the last close (one line per
 * entry, as a bank would show them), confirms each line's match, and closes the period. So a random
 * book gets real closes, and hledger checks their balance assertions.
 */
public final class Reconciler {

    private final LedgerHarness ledger;
    private final LocalDate today;
    private int serial;

    public Reconciler(LedgerHarness ledger, LocalDate today) {
        this.ledger = ledger;
        this.today = today;
    }

    /** The account a test links to initiative {@code i<n>}: a valid Dutch IBAN per initiative. */
    public static Iban accountOf(InitiativeId initiative) {
        return Iban.parse(initiative.value().equals("i0") ? "NL91ABNA0417164300" : "NL20INGB0001234567");
    }

    /**
     * Reconciles and closes the fund through {@code periodEnd}.
     *
     * @return the close's command id, or empty when the fund has no treasurer left to do it
     */
    public Optional<CommandId> closeThrough(InitiativeId initiative, LocalDate periodEnd) {
        List<Object> events = ledger.events();
        List<MemberId> treasurers = treasurersOf(events, initiative);
        if (treasurers.isEmpty()) {
            return Optional.empty();
        }
        MemberId treasurer = treasurers.get(0);
        Iban iban = accountOf(initiative);
        if (events.stream().noneMatch(e -> e instanceof BankAccountLinked l && l.initiativeId().equals(initiative))) {
            send(new LinkBankAccount(initiative, id("link"), iban, ActingAs.TREASURER, today, treasurer));
        }
        Optional<PeriodClosed> last = closesInForce(events, initiative).stream().reduce((a, b) -> b);
        LocalDate closedThrough = last.map(PeriodClosed::periodEnd).orElse(null);
        Map<CommandId, long[]> movements = bankMovements(events, initiative);
        Set<CommandId> matched = matchedEntries(events, initiative);
        long openingCents = 0;
        List<BankLine> lines = new ArrayList<>();
        LocalDate from = periodEnd;
        for (Map.Entry<CommandId, long[]> movement : movements.entrySet()) {
            LocalDate on = LocalDate.ofEpochDay(movement.getValue()[0]);
            long cents = movement.getValue()[1];
            if (closedThrough != null && !on.isAfter(closedThrough)) {
                openingCents += cents;
            } else if (!on.isAfter(periodEnd)) {
                lines.add(new BankLine(lineOf(movement.getKey()), on, on, Money.ofCents(cents, Money.EUR), null, null, null));
                from = on.isBefore(from) ? on : from;
            }
        }
        if (closedThrough != null) {
            from = closedThrough.plusDays(1);
        }
        long closingCents = openingCents + lines.stream().mapToLong(l -> l.amount().cents()).sum();
        send(new ImportStatement(initiative, id("stmt"), iban, StatementSource.CAMT053, from, periodEnd,
                Money.ofCents(openingCents, Money.EUR), Money.ofCents(closingCents, Money.EUR), lines, today, treasurer));
        for (BankLine line : lines) {
            CommandId entry = CommandId.of(line.lineId().value().substring(3));
            if (!matched.contains(entry)) {
                send(new ConfirmMatch(initiative, id("match"), List.of(line.lineId()), List.of(entry), today, treasurer));
            }
        }
        CommandId close = id("close");
        send(new ClosePeriod(initiative, close, periodEnd, today, treasurer));
        return Optional.of(close);
    }

    /** A second treasurer reopens the latest close; empty when there is none to do it. */
    public Optional<CommandId> reopenLatest(InitiativeId initiative) {
        List<Object> events = ledger.events();
        Optional<PeriodClosed> last = closesInForce(events, initiative).stream().reduce((a, b) -> b);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Optional<MemberId> second = treasurersOf(events, initiative).stream().filter(m -> !m.equals(last.get().actor())).findFirst();
        if (second.isEmpty()) {
            return Optional.empty();
        }
        CommandId reopen = id("reopen");
        send(new ReopenPeriod(initiative, reopen, last.get().commandId(), ReopenReason.ENTRY_MISSING, null, ActingAs.TREASURER,
                today, second.get()));
        return Optional.of(reopen);
    }

    private static BankLineId lineOf(CommandId entry) {
        return BankLineId.of("ln-" + entry.value());
    }

    private CommandId id(String what) {
        return CommandId.of("rec-" + what + "-" + (serial++));
    }

    private void send(Object command) {
        ledger.send(command).ifPresent(e -> {
            throw new AssertionError("the reconciler's command was refused: " + command, e);
        });
    }

    static List<MemberId> treasurersOf(List<Object> events, InitiativeId initiative) {
        Set<MemberId> current = new LinkedHashSet<>();
        for (Object event : events) {
            if (event instanceof TreasurerAppointed e && e.initiativeId().equals(initiative)) {
                current.add(e.member());
            } else if (event instanceof TreasurerReleased e && e.initiativeId().equals(initiative)) {
                current.remove(e.member());
            }
        }
        return List.copyOf(current);
    }

    static List<PeriodClosed> closesInForce(List<Object> events, InitiativeId initiative) {
        Deque<PeriodClosed> closes = new ArrayDeque<>();
        for (Object event : events) {
            if (event instanceof PeriodClosed e && e.initiativeId().equals(initiative)) {
                closes.addLast(e);
            } else if (event instanceof PeriodReopened e && e.initiativeId().equals(initiative)) {
                closes.removeLast();
            }
        }
        return List.copyOf(closes);
    }

    /** Per fund entry that moved the bank: its business date (epoch day) and cents, in the order recorded. */
    static Map<CommandId, long[]> bankMovements(List<Object> events, InitiativeId initiative) {
        Map<CommandId, long[]> movements = new LinkedHashMap<>();
        for (Object event : events) {
            if (event instanceof FundMoneyEvent e && initiativeOf(e).equals(initiative) && e.changeOf(Channel.BANK).cents() != 0) {
                movements.put(e.commandId(), new long[] {e.businessDate().toEpochDay(), e.changeOf(Channel.BANK).cents()});
            } else if (event instanceof FundEntryReversed e && e.initiativeId().equals(initiative)
                    && e.original().changeOf(Channel.BANK).cents() != 0) {
                movements.put(e.commandId(), new long[] {e.businessDate().toEpochDay(), -e.original().changeOf(Channel.BANK).cents()});
            }
        }
        return movements;
    }

    private static InitiativeId initiativeOf(FundMoneyEvent event) {
        if (event instanceof ContributionReceived e) {
            return e.initiativeId();
        }
        if (event instanceof ExpensePaid e) {
            return e.initiativeId();
        }
        if (event instanceof FundTransferred e) {
            return e.initiativeId();
        }
        return ((ClaimPaid) event).initiativeId();
    }

    static Set<CommandId> matchedEntries(List<Object> events, InitiativeId initiative) {
        Set<CommandId> matched = new HashSet<>();
        for (Object event : events) {
            if (event instanceof BankLinesMatched e && e.initiativeId().equals(initiative)) {
                matched.addAll(e.entryIds());
            }
        }
        return matched;
    }
}
