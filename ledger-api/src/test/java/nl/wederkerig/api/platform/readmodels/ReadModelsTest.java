package nl.wederkerig.api.platform.readmodels;

import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.ForgiveAdvance;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.readmodels.Difference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@LedgerTest
class ReadModelsTest {

    @Autowired
    ReadModels readModels;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;
    @Autowired
    AdvanceBalances balances;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Autowired
    nl.wederkerig.api.platform.eventstore.EventsWithTheirIndex indexedEvents;
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    List<AdvanceId> advances = new ArrayList<>();
    OwnCommunity wijk;
    CommunityId west;
    MemberId bram;

    @BeforeEach
    void someHistory() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "models");
        west = wijk.id;
        MemberId amina = wijk.member("amina");
        bram = wijk.member("bram");
        LocalDate day = LocalDate.now(LedgerTime.ZONE).minusDays(10);
        for (int i = 0; i < 5; i++) {
            AdvanceId advance = AdvanceId.of(Neighbours.unique("adv"));
            advances.add(advance);
            commands.sendAndWait(new MakeAdvance(advance, west, amina, bram, Money.eur("10.0" + i), Purpose.GROCERIES, day, amina));
            commands.sendAndWait(new ReimburseAdvance(advance, CommandId.of("r"), Money.eur("4.00"), day.plusDays(i), bram));
        }
        commands.sendAndWait(new ForgiveAdvance(advances.get(0), CommandId.of("f"), day.plusDays(6), amina));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                balances.advance(west, advances.get(0)).map(a -> a.outstanding().isZero()).orElse(false));
        // Every read model, not only balances: a test that counts rows must not see the journal still catching up (found under load).
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> nl.wederkerig.projections.ReadModelCatalog.all().stream()
                .map(model -> processing.eventProcessor(model.processingGroup(),
                        org.axonframework.eventhandling.TrackingEventProcessor.class).orElseThrow())
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)));
    }

    /** Found under load: a check waited up to two hours on a journal that had stopped for good. */
    @Test
    void aProcessorThatDoesNotMoveIsNamedWithItsPositionInsteadOfWaitedFor() {
        org.axonframework.eventhandling.TrackingEventProcessor reciprocity = processing.eventProcessor(
                nl.wederkerig.projections.reciprocity.PartnerReciprocity.PROCESSING_GROUP,
                org.axonframework.eventhandling.TrackingEventProcessor.class).orElseThrow();
        reciprocity.shutDown();
        try {
            MemberId cees = wijk.memberNoReadModelHasSeen("cees"); // an event it has not seen
            ReadModels impatient = new ReadModels(eventStore, indexedEvents, processing, jdbc, transactions, Duration.ofSeconds(2), ReadModels.Steps.NONE);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> impatient.check(line -> { }))
                    .isInstanceOf(ProcessorStalled.class)
                    .hasMessageContaining("reciprocity stands at event")
                    .hasMessageContaining("has not moved for 2 s")
                    .hasMessageContaining("not running");
            assertThat(ReadModelCommandLine.execute(impatient, "check", line -> { }, line -> { })).isEqualTo(3);
            assertThat(cees).isNotNull();
        } finally {
            reciprocity.start();
        }
    }

    @Test
    void liveReadModelsEqualAFreshRebuild() {
        List<String> progress = new ArrayList<>();
        assertThat(readModels.check(progress::add)).isEmpty();
        assertThat(progress).last().isEqualTo("no differences");
    }

    @Test
    void theCheckReportsACorruptedRowAndARebuildRepairsIt() {
        AdvanceId victim = advances.get(1);
        jdbc.update("UPDATE advance_balance SET outstanding_cents = 1 WHERE advance_id = ?", victim.value());

        List<Difference> differences = readModels.check(line -> { });

        assertThat(differences).hasSize(1);
        assertThat(differences.get(0).table()).isEqualTo("advance_balance");
        assertThat(differences.get(0).key()).isEqualTo(victim.value());
        assertThat(differences.get(0).live()).contains("outstanding_cents=1,");
        assertThat(differences.get(0).fresh()).contains("outstanding_cents=601,");

        List<String> progress = new ArrayList<>();
        readModels.rebuild(progress::add);

        assertThat(progress).anyMatch(line -> line.endsWith("rebuilt"));
        assertThat(balances.advance(west, victim).orElseThrow().outstanding()).isEqualTo(Money.eur("6.01"));
        assertThat(readModels.check(line -> { })).isEmpty();
    }

    @Test
    void theCommandLineExitsWithZeroWhenEqualOneWhenNotAndTwoWhenAskedNonsense() {
        List<String> out = new ArrayList<>();
        assertThat(ReadModelCommandLine.execute(readModels, "check", out::add, out::add)).isZero();
        assertThat(out).last().isEqualTo("no differences");

        jdbc.update("UPDATE advance_balance SET status = 'DISPUTED' WHERE advance_id = ?", advances.get(2).value());
        out.clear();
        assertThat(ReadModelCommandLine.execute(readModels, "check", out::add, out::add)).isEqualTo(1);
        assertThat(out).anyMatch(line -> line.startsWith("advance_balance [" + advances.get(2) + "]"));

        assertThat(ReadModelCommandLine.execute(readModels, "rebuild", out::add, out::add)).as(out.toString()).isZero();
        assertThat(ReadModelCommandLine.execute(readModels, "check", line -> { }, line -> { })).isZero();
        assertThat(ReadModelCommandLine.execute(readModels, "drop-everything", out::add, out::add)).isEqualTo(2);
    }

    /** Issue 17: a rebuild that fails half-way through its replay leaves the live read models as they were. */
    @Test
    void aRebuildThatFailsDuringItsReplayLeavesTheLiveReadModelsAsTheyWere() {
        AdvanceId victim = advances.get(3);
        jdbc.update("UPDATE advance_balance SET outstanding_cents = 1 WHERE advance_id = ?", victim.value());
        Map<String, Long> rowsBefore = rowCounts();
        List<Long> liveRowsWhileReplaying = new ArrayList<>();
        ReadModels failing = withSteps(new ReadModels.Steps() {
            @Override
            public void replayed(long events) {
                liveRowsWhileReplaying.add(jdbc.queryForObject("SELECT COUNT(*) FROM advance_balance", Long.class));
                if (events == 20) {
                    throw new IllegalStateException("injected: the disk filled up");
                }
            }
        });

        assertThatThrownBy(() -> failing.rebuild(line -> { })).hasMessageContaining("injected");

        assertThat(liveRowsWhileReplaying).as("readers saw the old rows throughout the replay")
                .hasSize(20).allMatch(count -> count.equals(rowsBefore.get("advance_balance")));
        assertThat(rowCounts()).isEqualTo(rowsBefore);
        assertThat(outstandingCents(victim)).as("the live row untouched, corruption and all").isEqualTo(1);
        theProcessorsRunAndTheCopyIsGone();

        readModels.rebuild(line -> { });
        assertThat(outstandingCents(victim)).isEqualTo(603);
    }

    /** Issue 17: a failure while the copy is put in place rolls the whole swap back. */
    @Test
    void aRebuildThatFailsWhileSwappingLeavesTheLiveReadModelsAsTheyWere() {
        AdvanceId victim = advances.get(3);
        jdbc.update("UPDATE advance_balance SET outstanding_cents = 1 WHERE advance_id = ?", victim.value());
        Map<String, Long> rowsBefore = rowCounts();
        ReadModels failing = withSteps(new ReadModels.Steps() {
            @Override
            public void copied(String table) {
                if (table.equals("advance_balance")) {
                    throw new IllegalStateException("injected: the connection broke");
                }
            }
        });

        assertThatThrownBy(() -> failing.rebuild(line -> { })).hasMessageContaining("injected");

        assertThat(rowCounts()).isEqualTo(rowsBefore);
        assertThat(outstandingCents(victim)).isEqualTo(1);
        theProcessorsRunAndTheCopyIsGone();

        readModels.rebuild(line -> { });
        assertThat(outstandingCents(victim)).isEqualTo(603);
    }

    /** The tables and the tokens are written in one transaction: a failure at its very end leaves both as they were. */
    @Test
    void theTokensAreWrittenInTheSwapsTransaction() {
        org.axonframework.eventhandling.TrackingEventProcessor community = processing.eventProcessor(
                nl.wederkerig.projections.community.Memberships.PROCESSING_GROUP,
                org.axonframework.eventhandling.TrackingEventProcessor.class).orElseThrow();
        community.shutDown(); // stays where it is: its token moves only by the swap
        try {
            wijk.memberNoReadModelHasSeen("dewi"); // an event it has not seen
            String before = token("community");
            assertThat(before).doesNotContain("\"index\":" + eventStore.createHeadToken().position().orElseThrow() + ",");
            ReadModels failing = withSteps(new ReadModels.Steps() {
                @Override
                public void swapped() {
                    throw new IllegalStateException("injected: the commit failed");
                }
            });

            assertThatThrownBy(() -> failing.rebuild(line -> { })).hasMessageContaining("injected");
            assertThat(token("community")).isEqualTo(before);
            assertThat(community.isRunning()).as("a processor that was stopped stays stopped").isFalse();

            readModels.rebuild(line -> { });
            assertThat(token("community")).contains("\"index\":" + eventStore.createHeadToken().position().orElseThrow() + ",");
        } finally {
            community.start();
        }
    }

    /**
     * Issue 17: a claim left by a process that died moments ago (on a shared database nobody can tell
     * it from a live one) is waited for until it expires, then taken over.
     */
    @Test
    void theSwapWaitsForAClaimAKilledProcessLeftUntilItExpires() {
        org.axonframework.eventhandling.TrackingEventProcessor funds = fundsProcessor();
        funds.shutDown();
        try {
            // Axon's claim timeout is 10 s: renewed as if 7 s ago just before the swap, the claim expires
            // about 3 s later, while the swap waits for it.
            ReadModels renewedDuringReplay = withSteps(new ReadModels.Steps() {
                @Override
                public void processorsStopped() {
                    claimAsAnotherProcess("funds", java.time.Instant.now().minusSeconds(7));
                }
            });
            List<String> progress = new ArrayList<>();

            renewedDuringReplay.rebuild(progress::add); // would throw after CLAIM_WAIT

            assertThat(progress).anyMatch(line -> line.startsWith("waiting for a claim another process holds"));
            assertThat(jdbc.queryForObject("SELECT owner FROM token_entry WHERE processor_name = 'funds'", String.class)).isNull();
        } finally {
            jdbc.update("UPDATE token_entry SET owner = NULL WHERE processor_name = 'funds'");
            funds.start();
        }
    }

    /** A claim that is renewed belongs to a running instance: the rebuild stops, says so, and changes nothing. */
    @Test
    void aClaimARunningInstanceHoldsStopsTheRebuildWithAPlainMessage() {
        org.axonframework.eventhandling.TrackingEventProcessor funds = fundsProcessor();
        funds.shutDown();
        try {
            claimAsAnotherProcess("funds", java.time.Instant.now().plus(ReadModels.CLAIM_WAIT).plusSeconds(60));
            AdvanceId victim = advances.get(2);
            jdbc.update("UPDATE advance_balance SET outstanding_cents = 1 WHERE advance_id = ?", victim.value());
            List<String> err = new ArrayList<>();

            assertThat(ReadModelCommandLine.execute(readModels, "rebuild", line -> { }, err::add)).isEqualTo(3);

            assertThat(err).singleElement().asString().contains("funds").contains("another-instance")
                    .contains("another instance of the application is running");
            assertThat(outstandingCents(victim)).isEqualTo(1);
        } finally {
            jdbc.update("UPDATE token_entry SET owner = NULL WHERE processor_name = 'funds'");
            funds.start();
        }
        readModels.rebuild(line -> { });
    }

    private org.axonframework.eventhandling.TrackingEventProcessor fundsProcessor() {
        return processing.eventProcessor(nl.wederkerig.projections.funds.InitiativeFunds.PROCESSING_GROUP,
                org.axonframework.eventhandling.TrackingEventProcessor.class).orElseThrow();
    }

    private void claimAsAnotherProcess(String processor, java.time.Instant renewedAt) {
        assertThat(jdbc.update("UPDATE token_entry SET owner = 'another-instance', timestamp = ? WHERE processor_name = ?",
                renewedAt.toString(), processor)).isOne();
    }

    /** Issue 17: after a rebuild the processors go on from the replayed head: new events count once, and the check finds nothing. */
    @Test
    void afterARebuildNewEventsCountOnceAndTheCheckFindsNoDifference() {
        AdvanceId advance = advances.get(4);
        long before = outstandingCents(advance);
        readModels.rebuild(line -> { });

        commands.sendAndWait(new ReimburseAdvance(advance, CommandId.of("after-rebuild"), Money.eur("1.00"),
                LocalDate.now(LedgerTime.ZONE), bram));
        await().atMost(Duration.ofSeconds(10)).until(() -> outstandingCents(advance) == before - 100);

        List<String> progress = new ArrayList<>();
        assertThat(readModels.check(progress::add)).isEmpty();
        assertThat(progress).last().isEqualTo("no differences");
    }

    private ReadModels withSteps(ReadModels.Steps steps) {
        return new ReadModels(eventStore, indexedEvents, processing, jdbc, transactions, ReadModels.STALL_LIMIT, steps);
    }

    private long outstandingCents(AdvanceId advance) {
        return jdbc.queryForObject("SELECT outstanding_cents FROM advance_balance WHERE advance_id = ?", Long.class, advance.value());
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (nl.wederkerig.projections.readmodels.ReadModel model : nl.wederkerig.projections.ReadModelCatalog.all()) {
            for (nl.wederkerig.projections.readmodels.ReadModel.Table table : model.tables()) {
                counts.put(table.name(), jdbc.queryForObject("SELECT COUNT(*) FROM " + table.name(), Long.class));
            }
        }
        return counts;
    }

    private String token(String processor) {
        return jdbc.queryForObject("SELECT token FROM token_entry WHERE processor_name = ? AND segment = 0",
                (rs, row) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), processor);
    }

    private void theProcessorsRunAndTheCopyIsGone() {
        for (nl.wederkerig.projections.readmodels.ReadModel model : nl.wederkerig.projections.ReadModelCatalog.all()) {
            assertThat(processing.eventProcessor(model.processingGroup()).orElseThrow().isRunning())
                    .as(model.processingGroup() + " running again").isTrue();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.schemata WHERE LOWER(schema_name) = 'read_model_rebuild'",
                Long.class)).as("the rebuild's copy dropped").isZero();
    }
}
