package nl.wederkerig.api.platform.eventstore;

import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain catches every kind of tampering, done the way an intruder with database access would:
 * with plain SQL on {@code domain_event_entry} and {@code ledger_checkpoint}. Each test puts the
 * rows back afterwards, because the other tests share this store.
 */
@LedgerTest
class EventChainTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventChain chain;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    ChainOnStart onStart;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    OwnCommunity wijk;
    CommunityId west;
    AdvanceId advance;
    MemberId borrower;
    /** The advance's stream as stored before the test touched it, to put back afterwards. */
    List<Map<String, Object>> original;
    List<Map<String, Object>> originalCheckpoints;

    @BeforeEach
    void anAdvanceWithFourEvents() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "chain");
        west = wijk.id;
        MemberId amina = wijk.member("amina");
        MemberId bram = wijk.member("bram");
        borrower = bram;
        LocalDate day = LocalDate.now(LedgerTime.ZONE).minusDays(5);
        advance = AdvanceId.of(Neighbours.unique("chained"));
        commands.sendAndWait(new MakeAdvance(advance, west, amina, bram, Money.eur("40.00"), Purpose.GROCERIES, day, amina));
        for (int i = 1; i <= 3; i++) {
            commands.sendAndWait(new ReimburseAdvance(advance, CommandId.of("pay-" + i), Money.eur("5.00"), day, bram));
        }
        StoredEvents.onceQuiet(jdbc);
        original = stream();
        originalCheckpoints = jdbc.queryForList("SELECT * FROM ledger_checkpoint ORDER BY checkpoint_number");
        assertThat(original).hasSizeGreaterThanOrEqualTo(4);
    }

    @AfterEach
    void putTheRowsBack() {
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", advance.value());
        for (Map<String, Object> row : original) {
            jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, "
                            + "type, time_stamp, payload_type, payload_revision, payload, meta_data, chain_hash) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("global_index"), row.get("event_identifier"), row.get("aggregate_identifier"),
                    row.get("sequence_number"), row.get("type"), row.get("time_stamp"), row.get("payload_type"),
                    row.get("payload_revision"), row.get("payload"), row.get("meta_data"), row.get("chain_hash"));
        }
        jdbc.update("DELETE FROM ledger_checkpoint");
        for (Map<String, Object> row : originalCheckpoints) {
            jdbc.update("INSERT INTO ledger_checkpoint (checkpoint_number, covered_up_to_index, event_count, "
                            + "previous_head_hash, head_hash, made_at) VALUES (?, ?, ?, ?, ?, ?)",
                    row.get("checkpoint_number"), row.get("covered_up_to_index"), row.get("event_count"),
                    row.get("previous_head_hash"), row.get("head_hash"), row.get("made_at"));
        }
        assertThat(brokenOfThisAdvance(chain.verify(List.of()))).isEmpty();
    }

    @Test
    void everyAppendedEventCarriesAHashChainedToTheOneBefore() {
        assertThat(original).allSatisfy(row -> assertThat(((String) row.get("chain_hash")).trim()).hasSize(64));
        Verification verification = chain.verify(List.of());
        assertThat(verification.intact()).as(String.join("\n", verification.report())).isTrue();
        assertThat(verification.eventsChecked()).isGreaterThanOrEqualTo(original.size());
    }

    @Test
    void eventsStoredBeforeTheChainExistedAreHashedOnceAndTheSameWay() {
        // An installation from before the migration: its events have no hash.
        jdbc.update("UPDATE domain_event_entry SET chain_hash = NULL WHERE aggregate_identifier = ?", advance.value());

        assertThat(chain.backfill()).isEqualTo(original.size());
        assertThat(stream()).extracting(row -> row.get("chain_hash"))
                .containsExactlyElementsOf(original.stream().map(row -> row.get("chain_hash")).toList());
        assertThat(chain.backfill()).isZero();
    }

    @Test
    void theStartHashesTheOlderEventsUntilABackfillHasFinishedAndThenNoLongerLooks() {
        // An installation upgraded from before the chain: no backfill noted yet, its events without hash.
        jdbc.update("DELETE FROM event_chain_backfill");
        jdbc.update("UPDATE domain_event_entry SET chain_hash = NULL WHERE aggregate_identifier = ?", advance.value());

        assertThat(onStart.backfillUnlessDone()).isEqualTo(original.size());
        assertThat(stream()).extracting(row -> row.get("chain_hash"))
                .containsExactlyElementsOf(original.stream().map(row -> row.get("chain_hash")).toList());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_chain_backfill", Integer.class)).isOne();

        // Later starts skip the scan, so an event written around the application stays unhashed and named.
        jdbc.update("UPDATE domain_event_entry SET chain_hash = NULL WHERE global_index = ?", index(3));
        assertThat(onStart.backfillUnlessDone()).isZero();
        assertThat(brokenOfThisAdvance(chain.verify(List.of()))).extracting(BrokenEvent::problem)
                .containsExactly(BrokenEvent.Problem.UNHASHED);
    }

    @Test
    void anAppendToAStreamStoredBeforeTheChainHashesThatStreamFirst() {
        jdbc.update("UPDATE domain_event_entry SET chain_hash = NULL WHERE aggregate_identifier = ?", advance.value());

        commands.sendAndWait(new ReimburseAdvance(advance, CommandId.of("pay-after-upgrade"), Money.eur("1.00"),
                LocalDate.now(LedgerTime.ZONE), borrower));

        List<Map<String, Object>> now = stream();
        assertThat(now).hasSize(original.size() + 1).allSatisfy(row -> assertThat(row.get("chain_hash")).isNotNull());
        assertThat(now.subList(0, original.size())).extracting(row -> row.get("chain_hash"))
                .containsExactlyElementsOf(original.stream().map(row -> row.get("chain_hash")).toList());
        assertThat(brokenOfThisAdvance(chain.verify(List.of()))).isEmpty();
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number >= ?",
                advance.value(), original.size());
    }

    @Test
    void aChangedPayloadIsNamed() {
        long victim = index(1);
        String payload = new String((byte[]) original.get(1).get("payload"), StandardCharsets.UTF_8);
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                payload.replace("5.00", "50.00").getBytes(StandardCharsets.UTF_8), victim);

        Verification verification = chain.verify(List.of());

        assertThat(verification.intact()).isFalse();
        assertThat(brokenOfThisAdvance(verification)).containsExactly(
                new BrokenEvent(victim, advance.value(), 1, "nl.wederkerig.core.advances.AdvanceReimbursed",
                        BrokenEvent.Problem.CHANGED));
        assertThat(verification.report()).anyMatch(line -> line.startsWith("BROKEN event " + victim + " (" + advance));
    }

    @Test
    void aDeletedEventIsNamedByTheOneAfterIt() {
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", index(2));

        assertThat(brokenOfThisAdvance(chain.verify(List.of()))).extracting(BrokenEvent::globalIndex, BrokenEvent::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(index(3), BrokenEvent.Problem.MISSING_BEFORE));
    }

    @Test
    void swappedEventsAreBothNamed() {
        // Two reimbursements trade places in the stream: same rows, other order.
        jdbc.update("UPDATE domain_event_entry SET sequence_number = -1 WHERE global_index = ?", index(1));
        jdbc.update("UPDATE domain_event_entry SET sequence_number = 1 WHERE global_index = ?", index(2));
        jdbc.update("UPDATE domain_event_entry SET sequence_number = 2 WHERE global_index = ?", index(1));

        assertThat(brokenOfThisAdvance(chain.verify(List.of()))).extracting(BrokenEvent::globalIndex)
                .contains(index(1), index(2));
    }

    @Test
    void anInsertedEventIsNamed() {
        // Inside a transaction that is rolled back: the forged event is seen by the verifier on the same
        // connection, never by the read models of the application the other tests share (they would
        // apply a second copy of a reimbursement, or refuse it and stop).
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            // Room is made at sequence 2 and a copy of a reimbursement slipped in: the book would show one more.
            for (int sequence = original.size() - 1; sequence >= 2; sequence--) {
                jdbc.update("UPDATE domain_event_entry SET sequence_number = ? WHERE global_index = ?", sequence + 1, index(sequence));
            }
            Map<String, Object> copied = original.get(1);
            jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                            + "payload_type, payload_revision, payload, meta_data, chain_hash) VALUES (?, ?, 2, ?, ?, ?, ?, ?, ?, ?)",
                    "forged-" + advance, advance.value(), copied.get("type"), copied.get("time_stamp"), copied.get("payload_type"),
                    copied.get("payload_revision"), copied.get("payload"), copied.get("meta_data"), copied.get("chain_hash"));

            List<BrokenEvent> broken = brokenOfThisAdvance(chain.verify(List.of()));

            assertThat(broken).extracting(BrokenEvent::sequenceNumber).contains(2L);
            assertThat(broken).extracting(BrokenEvent::globalIndex).contains(index(2));
        });
    }

    @Test
    void anEventWrittenAroundTheApplicationIsNamed() {
        jdbc.update("UPDATE domain_event_entry SET chain_hash = NULL WHERE global_index = ?", index(3));

        assertThat(brokenOfThisAdvance(chain.verify(List.of()))).extracting(BrokenEvent::problem)
                .containsExactly(BrokenEvent.Problem.UNHASHED);
    }

    @Test
    void aRewrittenChainNoLongerGivesTheCheckpointsNorTheNotedHead() {
        Checkpoint noted = checkpoints.make(checkpoints.highestIndex()).orElseThrow();
        assertThat(chain.verify(List.of(noted.groupedHead())).intact()).isTrue();

        // The intruder changes an amount and hashes the stream again from there, as the application would.
        String payload = new String((byte[]) original.get(1).get("payload"), StandardCharsets.UTF_8);
        jdbc.update("UPDATE domain_event_entry SET payload = ?, chain_hash = NULL WHERE global_index = ?",
                payload.replace("5.00", "50.00").getBytes(StandardCharsets.UTF_8), index(1));
        jdbc.update("UPDATE domain_event_entry SET chain_hash = NULL WHERE aggregate_identifier = ? AND sequence_number > 1",
                advance.value());
        assertThat(chain.backfill()).isEqualTo(original.size() - 1);

        Verification rewritten = chain.verify(List.of());
        assertThat(rewritten.brokenEvents()).isEmpty();
        assertThat(rewritten.brokenCheckpoints()).extracting(BrokenCheckpoint::number, BrokenCheckpoint::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(noted.number(), BrokenCheckpoint.Problem.EVENTS_DIFFER));

        // ... and then remakes the checkpoints over the rewritten book: only the head someone noted still tells.
        jdbc.update("DELETE FROM ledger_checkpoint WHERE checkpoint_number >= ?", noted.number());
        Checkpoint remade = checkpoints.make(noted.coveredUpToIndex()).orElseThrow();
        assertThat(remade.headHash()).isNotEqualTo(noted.headHash());
        assertThat(chain.verify(List.of()).intact()).isTrue();

        Verification againstNoted = chain.verify(List.of(noted.groupedHead()));
        assertThat(againstNoted.intact()).isFalse();
        assertThat(againstNoted.notedNotFound()).containsExactly(noted.groupedHead());
        assertThat(againstNoted.report()).anyMatch(line -> line.startsWith("BROKEN noted head " + noted.groupedHead()));
    }

    @Test
    void aRemovedLastEventIsCaughtByTheCheckpoint() {
        Checkpoint noted = checkpoints.make(checkpoints.highestIndex()).orElseThrow();
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", index(original.size() - 1));

        Verification verification = chain.verify(List.of());

        assertThat(brokenOfThisAdvance(verification)).isEmpty(); // the stream alone still chains: it just ends earlier
        assertThat(verification.brokenCheckpoints()).extracting(BrokenCheckpoint::number).contains(noted.number());
    }

    @Test
    void aChangedCheckpointIsNamedAndSoIsTheOneChainedAfterIt() {
        Checkpoint first = checkpoints.make(checkpoints.highestIndex()).orElseThrow();
        MemberId amina = wijk.member("amina");
        commands.sendAndWait(new MakeAdvance(AdvanceId.of(Neighbours.unique("later")), west, amina,
                wijk.member("bram"), Money.eur("1.00"), Purpose.GROCERIES, LocalDate.now(LedgerTime.ZONE), amina));
        Checkpoint second = checkpoints.make(checkpoints.highestIndex()).orElseThrow();
        assertThat(second.previousHeadHash()).isEqualTo(first.headHash());

        jdbc.update("UPDATE ledger_checkpoint SET head_hash = ? WHERE checkpoint_number = ?", "f".repeat(64), first.number());

        assertThat(chain.verify(List.of()).brokenCheckpoints()).extracting(BrokenCheckpoint::number, BrokenCheckpoint::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.number(), BrokenCheckpoint.Problem.EVENTS_DIFFER),
                        org.assertj.core.groups.Tuple.tuple(second.number(), BrokenCheckpoint.Problem.CHAIN_BROKEN));
    }

    @Test
    void theCommandLineExitsWithOneAndNamesTheBrokenEvent() {
        List<String> out = new ArrayList<>();
        assertThat(VerifyCommandLine.execute(chain, "", out::add, out::add)).isZero();
        assertThat(out).last().isEqualTo("INTACT");

        jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?",
                "{}".getBytes(StandardCharsets.UTF_8), index(2));
        out.clear();

        assertThat(VerifyCommandLine.execute(chain, "", out::add, out::add)).isEqualTo(1);
        assertThat(out).contains("BROKEN event " + index(2) + " (" + advance + " #2, nl.wederkerig.core.advances.AdvanceReimbursed): "
                + BrokenEvent.Problem.CHANGED.explanation());
        assertThat(out).last().isEqualTo("NOT INTACT");
        assertThat(VerifyCommandLine.execute(chain, "not-a-hash", out::add, out::add)).isEqualTo(2);
    }

    private List<BrokenEvent> brokenOfThisAdvance(Verification verification) {
        return verification.brokenEvents().stream().filter(broken -> broken.aggregateIdentifier().equals(advance.value())).toList();
    }

    private long index(int sequence) {
        return ((Number) original.get(sequence).get("global_index")).longValue();
    }

    private List<Map<String, Object>> stream() {
        return new ArrayList<>(jdbc.queryForList(
                "SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", advance.value()));
    }
}
