package nl.wederkerig.projections.journal;

import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.reconciliation.PeriodReopened;
import nl.wederkerig.core.reconciliation.ReopenReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Period closes in the journal: a balance assertion after the entries of its day, left out once reopened; never in the CSV. */
class JournalAssertionsTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final InitiativeId HELP = InitiativeId.of("buurthulp");
    static final MemberId DEWI = MemberId.of("dewi");
    static final Iban ACCOUNT = Iban.parse("NL91ABNA0417164300");
    static final LocalDate OCT_5 = LocalDate.parse("2026-10-05");
    static final LocalDate OCT_31 = LocalDate.parse("2026-10-31");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    JdbcTemplate jdbc;
    JournalPostings journal;

    @BeforeEach
    void setUp() {
        jdbc = ReadModelDatabase.fresh();
        journal = new JournalPostings(jdbc);
    }

    static ContributionReceived grant(InitiativeId initiative, String command, String amount, LocalDate on) {
        return new ContributionReceived(initiative, WEST, CommandId.of(command), Money.eur(amount), ContributionSource.GRANT, null,
                Channel.BANK, on, DEWI, AT);
    }

    static PeriodClosed closed(InitiativeId initiative, String id, LocalDate end, String balance) {
        return new PeriodClosed(initiative, WEST, CommandId.of(id), ACCOUNT, LocalDate.parse("2026-10-01"), end, Money.eur(balance),
                LocalDate.parse("2026-11-21"), DEWI, AT);
    }

    static PeriodReopened reopened(InitiativeId initiative, String closeId) {
        return new PeriodReopened(initiative, WEST, CommandId.of("re-" + closeId), CommandId.of(closeId), OCT_31, null,
                ReopenReason.ENTRY_MISSING, null, ActingAs.TREASURER, LocalDate.parse("2026-11-22"), MemberId.of("eva"), AT);
    }

    String hledger() {
        StringWriter out = new StringWriter();
        journal.exportHledger(WEST, out);
        return out.toString();
    }

    @Test
    void aCloseIsWrittenAsAnAssertionAfterTheEntriesOfItsDay() {
        GivenEvents.into(journal).given(grant(MEALS, "g1", "100.00", OCT_5), grant(MEALS, "g2", "20.00", OCT_31),
                closed(MEALS, "close-okt", OCT_31, "120.00"), grant(MEALS, "g3", "5.00", LocalDate.parse("2026-11-02")));
        String text = hledger();
        assertThat(text).contains("""
                2026-10-31 (g2) contribution received
                    assets:initiative:aanschuiven:bank  20.00 EUR
                    income:initiative:aanschuiven:grant  -20.00 EUR

                2026-10-31 (close-okt) period closed
                    assets:initiative:aanschuiven:bank  0.00 EUR = 120.00 EUR

                2026-11-02 (g3) contribution received""");
        assertThat(journal.entryCount(WEST)).as("an assertion is not an entry").isEqualTo(3);
        StringWriter csv = new StringWriter();
        journal.exportCsv(WEST, JournalPostingsTest.ENGLISH_CSV, csv);
        assertThat(csv.toString()).doesNotContain("close-okt");
    }

    @Test
    void aReopenedCloseIsLeftOutAndTheNextCloseAssertsTheNewBalance() {
        GivenEvents.into(journal).given(grant(MEALS, "g1", "100.00", OCT_5), closed(MEALS, "close-okt", OCT_31, "100.00"),
                reopened(MEALS, "close-okt"), grant(MEALS, "late", "7.00", OCT_31), closed(MEALS, "close-okt-2", OCT_31, "107.00"));
        String text = hledger();
        assertThat(text).doesNotContain("(close-okt) period closed").contains("(close-okt-2) period closed",
                "assets:initiative:aanschuiven:bank  0.00 EUR = 107.00 EUR");
    }

    /** Close ids are unique per fund, not per community: a reopening withdraws only its own fund's assertion. */
    @Test
    void aReopeningWithdrawsOnlyItsOwnFundsAssertion() {
        GivenEvents.into(journal).given(grant(MEALS, "g1", "100.00", OCT_5), grant(HELP, "g1", "50.00", OCT_5),
                closed(MEALS, "close-okt", OCT_31, "100.00"), closed(HELP, "close-okt", OCT_31, "50.00"), reopened(MEALS, "close-okt"));
        String text = hledger();
        assertThat(text).contains("assets:initiative:buurthulp:bank  0.00 EUR = 50.00 EUR")
                .doesNotContain("assets:initiative:aanschuiven:bank  0.00 EUR = 100.00 EUR");
    }

    @Test
    void reopeningACloseNotInForceStopsTheProjection() {
        GivenEvents given = GivenEvents.into(journal).given(closed(MEALS, "close-okt", OCT_31, "0.00"), reopened(MEALS, "close-okt"));
        assertThatThrownBy(() -> given.given(reopened(MEALS, "close-okt"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inAProcessorBatchTheCloseAndItsReopeningCommitTogether() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(journal);
        List<Object> events = List.of(grant(MEALS, "g1", "100.00", OCT_5), closed(MEALS, "close-okt", OCT_31, "100.00"),
                reopened(MEALS, "close-okt"));
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i), GenericEventMessage.asEventMessage(events.get(i))));
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        List<Integer> rowsWhileHandling = new ArrayList<>();
        batch.executeWithResult(() -> {
            adapter.handle(batch.getMessage());
            rowsWhileHandling.add(jdbc.queryForObject("SELECT COUNT(*) FROM journal_assertion", Integer.class));
            return null;
        });
        assertThat(rowsWhileHandling).as("queued until the batch commits").containsOnly(0);
        assertThat(jdbc.queryForObject("SELECT withdrawn FROM journal_assertion WHERE code = 'close-okt'", Boolean.class)).isTrue();
        assertThat(hledger()).doesNotContain("period closed");
    }
}
