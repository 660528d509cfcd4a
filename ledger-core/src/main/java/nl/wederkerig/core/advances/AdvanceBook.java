package nl.wederkerig.core.advances;

import nl.wederkerig.core.community.AdvanceLimit;
import nl.wederkerig.core.shared.AmountNotPositive;
import nl.wederkerig.core.shared.BusinessDates;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.TooManyCommands;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One borrower's open advances in one community: the consistency boundary for the community's
 * limit on open advances. Each {@link Advance} keeps its own rules; this book only decides whether
 * one more may be opened. It is told what each listed advance owes now (see {@link AdmitAdvance}),
 * so a repaid advance stops counting at the next admission without any eventually consistent view.
 */
public class AdvanceBook {

    /** Hard cap on open advances per borrower, whatever the community sets: keeps the book and its checks small. */
    public static final int MAX_OPEN_ADVANCES = AdvanceLimit.MAX_OPEN_ADVANCES;

    /** Most advances one borrower's book admits over its life; bounds the stream and the state below. */
    public static final int MAX_ADMISSIONS = 5_000;

    @AggregateIdentifier
    private AdvanceBookId bookId;
    /** Open advances with what they owed when last seen. */
    private final Map<AdvanceId, Money> open = new LinkedHashMap<>();
    /** Every admitted advance with its original amount, to recognise a retried MakeAdvance. */
    private final Map<AdvanceId, Money> admitted = new HashMap<>();

    /** Public so that {@code AdvanceLimitGuard} can create a borrower's first, empty book through the repository. */
    public AdvanceBook() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AdmitAdvance command, Clock clock) {
        if (isRepeat(command)) {
            return;
        }
        requireValid(command, clock);
        List<AdvanceId> closed = open.keySet().stream()
                .filter(id -> owedNow(id, command).isZero())
                .toList();
        int countAfter = open.size() - closed.size() + 1;
        Money totalAfter = open.keySet().stream()
                .filter(id -> !closed.contains(id))
                .map(id -> owedNow(id, command))
                .reduce(command.amount(), Money::plus);
        requireWithinLimit(command.limit(), countAfter, totalAfter);
        CommunityId community = command.bookId().communityId();
        MemberId borrower = command.bookId().borrower();
        closed.forEach(id -> apply(new AdvanceReleased(command.bookId(), community, borrower, id,
                command.businessDate(), command.actor(), clock.instant())));
        apply(new AdvanceAdmitted(command.bookId(), community, borrower, command.advanceId(), command.amount(),
                countAfter, totalAfter, command.businessDate(), command.actor(), clock.instant()));
    }

    /** The advances this book counts as open: the guard reads what each owes now before admitting another. */
    public java.util.Set<AdvanceId> openAdvances() {
        return java.util.Set.copyOf(open.keySet());
    }

    private boolean isRepeat(AdmitAdvance command) {
        Money earlier = admitted.get(command.advanceId());
        if (earlier == null) {
            return false;
        }
        if (!earlier.equals(command.amount())) {
            throw new CommandIdReused(command.advanceId().value());
        }
        return true;
    }

    private void requireValid(AdmitAdvance command, Clock clock) {
        Objects.requireNonNull(command.bookId(), "book is missing");
        Objects.requireNonNull(command.advanceId(), "advance is missing");
        Objects.requireNonNull(command.amount(), "amount is missing");
        Objects.requireNonNull(command.limit(), "limit is missing");
        Objects.requireNonNull(command.actor(), "actor is missing");
        if (admitted.size() >= MAX_ADMISSIONS) {
            throw new TooManyCommands(MAX_ADMISSIONS);
        }
        // The same checks as Advance, made first because the book sums amounts in EUR.
        if (!Money.EUR.equals(command.amount().currency())) {
            throw new UnsupportedCurrency(command.amount().currency());
        }
        if (!command.amount().isPositive()) {
            throw new AmountNotPositive(command.amount());
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
    }

    /** What an open advance owes now; if the caller did not say, assume it still owes what it did (the safe side). */
    private Money owedNow(AdvanceId id, AdmitAdvance command) {
        return command.outstandingNow().getOrDefault(id, open.get(id));
    }

    private static void requireWithinLimit(AdvanceLimit limit, int countAfter, Money totalAfter) {
        if (countAfter > MAX_OPEN_ADVANCES) {
            throw new AdvanceLimitExceeded(countAfter + " open advances, the most is " + MAX_OPEN_ADVANCES);
        }
        if (limit.maxOpenAdvances() != null && countAfter > limit.maxOpenAdvances()) {
            throw new AdvanceLimitExceeded(countAfter + " open advances, the limit is " + limit.maxOpenAdvances());
        }
        if (limit.maxOpenTotal() != null && totalAfter.isGreaterThan(limit.maxOpenTotal())) {
            throw new AdvanceLimitExceeded(totalAfter + " owed, the limit is " + limit.maxOpenTotal());
        }
    }

    @EventSourcingHandler
    void on(AdvanceAdmitted event) {
        bookId = event.bookId();
        open.put(event.advanceId(), event.amount());
        admitted.put(event.advanceId(), event.amount());
        assert open.size() == event.openAdvancesAfter() : "the book's open count disagrees with its stream";
    }

    @EventSourcingHandler
    void on(AdvanceReleased event) {
        Money removed = open.remove(event.advanceId());
        assert removed != null : "released an advance the book did not hold";
    }
}
