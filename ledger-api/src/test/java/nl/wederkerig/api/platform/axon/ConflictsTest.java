package nl.wederkerig.api.platform.axon;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a lost race for a sequence number, and what is retried. */
class ConflictsTest {

    @Test
    void aUniqueKeyViolationIsFoundAlsoInsideABatchAndAWrapper() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 was aborted", "23505", new int[0]);
        BatchUpdateException batchWithoutState = new BatchUpdateException("batch entry 0 was aborted", null, new int[0]);
        batchWithoutState.setNextException(unique);

        assertThat(LedgerConfiguration.isUniqueKeyViolation(unique)).isTrue();
        assertThat(LedgerConfiguration.isUniqueKeyViolation(batch)).isTrue();
        assertThat(LedgerConfiguration.isUniqueKeyViolation(new RuntimeException(batchWithoutState))).isTrue();
        assertThat(LedgerConfiguration.isUniqueKeyViolation(new SQLException("disk full", "53100"))).isFalse();
        assertThat(LedgerConfiguration.isUniqueKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }

    @Test
    void onlyALostRaceIsRetried() {
        assertThat(ConflictRetries.isConflict(new ConcurrencyException("seq 3 taken"))).isTrue();
        assertThat(ConflictRetries.isConflict(new RuntimeException(new ConcurrencyException("seq 3 taken")))).isTrue();
        assertThat(ConflictRetries.isConflict(new EventStoreException("already inserted"))).isFalse();
        assertThat(ConflictRetries.isConflict(new IllegalArgumentException("a rule"))).isFalse();
    }
}
