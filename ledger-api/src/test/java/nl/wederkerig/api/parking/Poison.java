package nl.wederkerig.api.parking;

import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One advance whose balances row was put out of step (ten euros less owed than its events say),
 * and a reimbursement the read model therefore refuses and parks. {@link #fix()} puts the row
 * back, after which a retry applies the parked event.
 */
final class Poison {

    final AdvanceId advance;
    private final JdbcTemplate jdbc;
    private boolean fixed;

    private Poison(AdvanceId advance, JdbcTemplate jdbc) {
        this.advance = advance;
        this.jdbc = jdbc;
    }

    static Poison parkedIn(OwnCommunity wijk, MemberId lender, MemberId borrower, CommandGateway commands,
                           AdvanceBalances balances, EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        LocalDate today = LocalDate.now(LedgerTime.ZONE);
        AdvanceId advance = AdvanceId.of(Neighbours.unique("adv"));
        commands.sendAndWait(new MakeAdvance(advance, wijk.id, lender, borrower, Money.eur("50.00"), Purpose.GROCERIES, today, lender));
        await().atMost(Duration.ofSeconds(20)).until(() -> balances.advance(wijk.id, advance).isPresent());
        jdbc.update("UPDATE advance_balance SET outstanding_cents = outstanding_cents - 1000 WHERE advance_id = ?", advance.value());
        commands.sendAndWait(new ReimburseAdvance(advance, CommandId.of("r-1"), Money.eur("20.00"), today, borrower));
        await().atMost(Duration.ofSeconds(20)).until(() -> processing.deadLetterQueue(AdvanceBalances.PROCESSING_GROUP)
                .orElseThrow().contains(advance.value()));
        return new Poison(advance, jdbc);
    }

    void fix() {
        fixed = true;
        jdbc.update("UPDATE advance_balance SET outstanding_cents = outstanding_cents + 1000 WHERE advance_id = ?", advance.value());
    }

    /**
     * Other tests share the database: none of them may find an event parked, or a read model that
     * differs from a fresh replay. Fixes the row if the test did not, and applies the parked event.
     */
    void resolve(EventProcessingConfiguration processing) {
        if (!fixed) {
            fix();
        }
        processing.sequencedDeadLetterProcessor(AdvanceBalances.PROCESSING_GROUP).orElseThrow()
                .process(letter -> letter.message() instanceof org.axonframework.eventhandling.DomainEventMessage<?> event
                        && event.getAggregateIdentifier().equals(advance.value()));
        assertThat(processing.deadLetterQueue(AdvanceBalances.PROCESSING_GROUP).orElseThrow().contains(advance.value()))
                .as("still parked after the fix").isFalse();
    }
}
