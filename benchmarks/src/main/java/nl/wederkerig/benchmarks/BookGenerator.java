package nl.wederkerig.benchmarks;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills the event store with a plausible book quickly: events appended through the application's
 * EventStore in batches, skipping the command handlers (their cost is measured separately).
 * Neighbourhoods of {@link #MEMBERS_PER_COMMUNITY} members; each advance is made and then partly
 * or fully reimbursed, so every event is one the aggregate could have applied.
 */
final class BookGenerator {

    static final int MEMBERS_PER_COMMUNITY = 200;
    /** Each advance is two events; a community holds this many advances before the next begins. */
    static final int ADVANCES_PER_COMMUNITY = 5_000;
    static final int APPEND_BATCH_EVENTS = 1_000;
    /** Upper bound on one book, so a typo in a size cannot fill the disk. */
    static final long MAX_BOOK_EVENTS = 5_000_000;

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final Instant RECORDED_AT = Instant.parse("2026-01-01T10:00:00Z");

    private final EventStore eventStore;
    private long advances;

    BookGenerator(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Appends generated advances until the store holds at least {@code targetEvents} events. */
    void appendUntil(long storedEvents, long targetEvents) {
        if (targetEvents > MAX_BOOK_EVENTS) {
            throw new IllegalArgumentException("book larger than " + MAX_BOOK_EVENTS + " events");
        }
        long missing = targetEvents - storedEvents;
        while (missing > 0) {
            List<DomainEventMessage<?>> batch = new ArrayList<>(APPEND_BATCH_EVENTS);
            while (batch.size() < APPEND_BATCH_EVENTS && missing > batch.size()) {
                addAdvance(batch, advances++);
            }
            eventStore.publish(batch);
            missing -= batch.size();
        }
    }

    /** A member of a community this generator has written to, for queries. */
    Neighbour randomNeighbour(Random random) {
        long communities = Math.max(1, (advances + ADVANCES_PER_COMMUNITY - 1) / ADVANCES_PER_COMMUNITY);
        int community = (int) (random.nextLong(communities));
        return new Neighbour(community(community), member(community, random.nextInt(MEMBERS_PER_COMMUNITY)));
    }

    record Neighbour(CommunityId community, MemberId member) {
    }

    private static void addAdvance(List<DomainEventMessage<?>> batch, long number) {
        int community = (int) (number / ADVANCES_PER_COMMUNITY);
        int lender = (int) (number * 7 % MEMBERS_PER_COMMUNITY);
        int borrower = (int) ((lender + 1 + number % (MEMBERS_PER_COMMUNITY - 1)) % MEMBERS_PER_COMMUNITY);
        AdvanceId id = AdvanceId.of("book-" + number);
        Money amount = Money.ofCents(1_000 + number % 40 * 250, Money.EUR);
        // Every third advance is settled in full; the others stay half open, so balances have content.
        Money paid = number % 3 == 0 ? amount : Money.ofCents(amount.cents() / 2, Money.EUR);
        LocalDate made = FIRST_DAY.plusDays(number % 300);
        CommunityId communityId = community(community);
        MemberId lenderId = member(community, lender);
        MemberId borrowerId = member(community, borrower);
        batch.add(new GenericDomainEventMessage<>("Advance", id.value(), 0, new AdvanceMade(id, communityId, lenderId,
                borrowerId, amount, Purpose.values()[(int) (number % Purpose.values().length)], made, lenderId, RECORDED_AT)));
        batch.add(new GenericDomainEventMessage<>("Advance", id.value(), 1, new AdvanceReimbursed(id, communityId,
                CommandId.of("r-1"), paid, amount.minus(paid), made.plusDays(3), borrowerId, RECORDED_AT)));
    }

    private static CommunityId community(int number) {
        return CommunityId.of("book-c" + number);
    }

    private static MemberId member(int community, int number) {
        return MemberId.of("book-c" + community + "-m" + number);
    }
}
