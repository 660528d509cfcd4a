package nl.wederkerig.projections.readmodels;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueuedWritesTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final LocalDate DAY = LocalDate.parse("2026-11-02");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    final JdbcTemplate jdbc = ReadModelDatabase.fresh();

    static AdvanceMade made(String id, String amount) {
        return new AdvanceMade(AdvanceId.of(id), WEST, AMINA, BRAM, Money.eur(amount), Purpose.GROCERIES, DAY, AMINA, AT);
    }

    static AdvanceReimbursed reimbursed(String id, String amount, String after) {
        return new AdvanceReimbursed(AdvanceId.of(id), WEST, CommandId.of("r-" + id), Money.eur(amount), Money.eur(after),
                DAY.plusDays(2), BRAM, AT);
    }

    /** Handles the events in one batch, as a tracking processor does; returns the movement count seen after each. */
    static List<Integer> inOneBatch(JdbcTemplate jdbc, Object projection, Object... events) throws Exception {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int position = 0; position < events.length; position++) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                    GenericEventMessage.asEventMessage(events[position])));
        }
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        List<Integer> seen = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.executeWithResult(() -> {
            adapter.handle(batch.getMessage());
            seen.add(jdbc.queryForObject("SELECT COUNT(*) FROM advance_movement", Integer.class));
            return null;
        });
        return seen;
    }

    @Test
    void queuedRowsArriveAsTheBatchCommitsAndGiveTheSameBalancesAsOneByOne() throws Exception {
        AdvanceBalances batched = new AdvanceBalances(jdbc);
        Object[] events = {made("a1", "50.00"), reimbursed("a1", "20.00", "30.00"), made("a2", "8.00"),
                reimbursed("a2", "8.00", "0.00")};

        assertThat(inOneBatch(jdbc, batched, events)).containsOnly(0);

        JdbcTemplate oneByOneDatabase = ReadModelDatabase.fresh();
        AdvanceBalances oneByOne = new AdvanceBalances(oneByOneDatabase);
        GivenEvents.into(oneByOne).given(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM advance_movement", Integer.class)).isEqualTo(4);
        assertThat(batched.balanceOf(WEST, AMINA)).isEqualTo(oneByOne.balanceOf(WEST, AMINA));
        assertThat(batched.balanceOf(WEST, BRAM, DAY)).isEqualTo(oneByOne.balanceOf(WEST, BRAM, DAY));
    }

    @Test
    void aQueuedWriteThatChangesAnotherNumberOfRowsFailsTheCommit() {
        QueuedWrites writes = new QueuedWrites(jdbc, this);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("x")));

        // No advance_balance row to copy the parties from: zero rows instead of one.
        ResultMessage<?> result = batch.executeWithResult(() -> {
            writes.write("""
                    INSERT INTO advance_movement (advance_id, movement_id, community_id, lender_id, borrower_id, kind,
                        delta_cents, business_date, made_on)
                    SELECT advance_id, ?, community_id, lender_id, borrower_id, 'REIMBURSED', -100, ?, made_on
                      FROM advance_balance WHERE advance_id = ?""", 1, "r-1", DAY, "missing");
            return null;
        });

        // The processor hands an exceptional result to its error handler, which stops and retries the batch.
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).hasMessageContaining("read model out of step: 0 rows instead of 1");
        assertThat(batch.isRolledBack()).isTrue();
    }

    /** A refused event is parked while its batch commits: what it queued must not reach the table (issue 17). */
    @Test
    void undoingToAMarkDropsOnlyWhatWasQueuedAfterIt() {
        QueuedWrites movements = new QueuedWrites(jdbc, this);
        QueuedWrites others = new QueuedWrites(jdbc, "another projection");
        String insert = """
                INSERT INTO advance_movement (advance_id, movement_id, community_id, lender_id, borrower_id, kind,
                    delta_cents, business_date, made_on)
                VALUES (?, ?, 'rotterdam-west', 'amina', 'bram', 'MADE', 100, ?, ?)""";
        String delete = "DELETE FROM advance_movement WHERE advance_id = ?";
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("x")));

        ResultMessage<?> result = batch.executeWithResult(() -> {
            movements.write(insert, 1, "kept", "made", DAY, DAY);
            QueuedWrites.Mark beforeTheRefusedEvent = QueuedWrites.mark();
            movements.write(insert, 1, "dropped", "made", DAY, DAY);
            movements.write(delete, 1, "kept");
            others.write(insert, 1, "dropped-too", "made", DAY, DAY);
            beforeTheRefusedEvent.undo();
            return null;
        });

        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
        assertThat(jdbc.queryForList("SELECT advance_id FROM advance_movement", String.class)).containsExactly("kept");
    }

    @Test
    void withoutAUnitOfWorkEachWriteRunsAtOnceAndIsChecked() {
        QueuedWrites writes = new QueuedWrites(jdbc, this);

        assertThatThrownBy(() -> writes.write("DELETE FROM advance_movement WHERE advance_id = ?", 1, "missing"))
                .hasMessageContaining("0 rows instead of 1");
        writes.write("DELETE FROM advance_movement WHERE advance_id = ?", QueuedWrites.ANY_ROWS, "missing");
    }
}
