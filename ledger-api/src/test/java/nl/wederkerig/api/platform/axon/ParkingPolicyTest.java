package nl.wederkerig.api.platform.axon;

import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/** The reason a coordinator reads for a parked event: the read model's own words, never a driver's values. */
class ParkingPolicyTest {

    @Test
    void aReadModelsOwnRefusalIsKeptAsWritten() {
        IllegalStateException refusal = new IllegalStateException("balances read model out of step at advance adv-1: "
                + "reimbursement does not match the outstanding amount");

        ThrowableCause reason = ParkingPolicy.reasonFor(new RuntimeException("wrapped", refusal));

        assertThat(reason.message()).isEqualTo(refusal.getMessage());
        assertThat(reason.type()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void aDatabaseErrorKeepsOnlyItsSqlState() {
        SQLIntegrityConstraintViolationException driver = new SQLIntegrityConstraintViolationException(
                "Unique index violation: VALUES ('adv-1', 'Amina de Vries')", "23505");

        ThrowableCause reason = ParkingPolicy.reasonFor(new DuplicateKeyException("INSERT INTO advance_reimbursement", driver));

        assertThat(reason.message()).contains("SQLSTATE 23505").doesNotContain("Amina").doesNotContain("adv-1");
    }

    @Test
    void anythingElseKeepsOnlyItsKind() {
        ThrowableCause reason = ParkingPolicy.reasonFor(new NullPointerException("name of Amina de Vries was null"));

        assertThat(reason.message()).contains("NullPointerException").doesNotContain("Amina");
        assertThat(ParkingPolicy.reasonFor(new IllegalStateException("x".repeat(2_000))).message())
                .hasSizeLessThanOrEqualTo(ParkingPolicy.MAX_REASON_CHARS);
    }
}
