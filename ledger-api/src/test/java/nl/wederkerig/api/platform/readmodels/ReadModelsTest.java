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

import static org.assertj.core.api.Assertions.assertThat;
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

    List<AdvanceId> advances = new ArrayList<>();
    OwnCommunity wijk;
    CommunityId west;

    @BeforeEach
    void someHistory() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "models");
        west = wijk.id;
        MemberId amina = wijk.member("amina");
        MemberId bram = wijk.member("bram");
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
    }

    /** Found under load: a check waited up to two hours on a journal that had stopped for good. */
    @Test
    void aProcessorThatDoesNotMoveIsNamedWithItsPositionInsteadOfWaitedFor() {
        org.axonframework.eventhandling.TrackingEventProcessor reciprocity = processing.eventProcessor(
                nl.wederkerig.projections.reciprocity.PartnerReciprocity.PROCESSING_GROUP,
                org.axonframework.eventhandling.TrackingEventProcessor.class).orElseThrow();
        reciprocity.shutDown();
        try {
            MemberId cees = wijk.member("cees"); // an event it has not seen
            ReadModels impatient = new ReadModels(eventStore, indexedEvents, processing, jdbc, Duration.ofSeconds(2));

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

        assertThat(ReadModelCommandLine.execute(readModels, "rebuild", out::add, out::add)).isZero();
        assertThat(ReadModelCommandLine.execute(readModels, "check", line -> { }, line -> { })).isZero();
        assertThat(ReadModelCommandLine.execute(readModels, "drop-everything", out::add, out::add)).isEqualTo(2);
    }
}
