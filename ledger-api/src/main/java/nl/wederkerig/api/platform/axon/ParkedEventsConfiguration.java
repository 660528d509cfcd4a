package nl.wederkerig.api.platform.axon;

import nl.wederkerig.projections.ReadModelCatalog;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * One bad event must not stop a read model for everyone (issue 17). Every read model's processor
 * gets a sequenced dead-letter queue in the database: an event its handler refuses is parked with
 * its reason, and so is every later event of the same sequence, which is the event's aggregate
 * (one advance, one fund, one community). All other sequences keep flowing. A coordinator sees
 * the parked events and retries them after a fix ({@code parking.ParkedEvents}); health is DOWN
 * while anything is parked. Wrong numbers are still refused, never applied: a refused event's
 * writes are undone ({@link OneEventAtATime}) before it is parked.
 */
@Configuration
public class ParkedEventsConfiguration {

    /**
     * Most sequences one read model may park, and most events in one sequence. Beyond either the
     * queue refuses, and the processor stops and retries as before: a flood of refusals means
     * something is wrong everywhere, and parking it all would only hide that.
     */
    public static final int MAX_PARKED_SEQUENCES = 1024;
    public static final int MAX_PARKED_PER_SEQUENCE = 1024;

    /** A retry that died mid-way (a stop) frees its claim on a sequence after this. */
    static final Duration CLAIM_DURATION = Duration.ofSeconds(30);

    /** Table and columns as created by db/eventstore/V14_0__dead_letters.sql. */
    public static DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * For each read model in the catalog: the queue (Jackson for events, tokens and diagnostics,
     * never XStream), the policy that keeps a reason without personal data, the sequence (the
     * aggregate, said explicitly rather than left to Axon's default) and reset: a replay from the
     * first event (ReadModels.rebuild) starts with an empty queue, since every parked event is
     * handled again. A parked sequence is found again without a query per event
     * ({@code enableSequenceIdentifierCache}).
     */
    @Bean
    public ConfigurerModule readModelsParkFailingSequences(ConnectionProvider connections, TransactionManager transactions,
                                                           Serializer serializer,
                                                           @Qualifier("eventSerializer") Serializer eventSerializer) {
        DeadLetterSchema schema = deadLetterSchema();
        return configurer -> configurer.eventProcessing(processing -> {
            for (ReadModel model : ReadModelCatalog.all()) {
                String group = model.processingGroup();
                processing.registerSequencingPolicy(group, c -> SequentialPerAggregatePolicy.instance());
                processing.registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .maxSequences(MAX_PARKED_SEQUENCES)
                        .maxSequenceSize(MAX_PARKED_PER_SEQUENCE)
                        .claimDuration(CLAIM_DURATION)
                        .build());
                processing.registerDeadLetterPolicy(group, c -> new ParkingPolicy());
                // The cache: without it every event costs a query of the queue ("is its sequence
                // parked?"), which made a replay several times slower (docs/performance.md). It
                // remembers per segment what this processor parked; a queue empty when the segment
                // was claimed is not asked again until something is parked.
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (c, builder) -> builder.allowReset(true).enableSequenceIdentifierCache());
            }
        });
    }

    /** Each read-model event handler in a savepoint of its own: a refused event leaves nothing behind. */
    @Bean
    public OneEventAtATime oneEventAtATime(JdbcTemplate jdbc) {
        return new OneEventAtATime(jdbc.getDataSource());
    }
}
