package nl.wederkerig.api.platform.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * Axon's append statement with one more column: each event's {@link EventHash chain hash}, computed
 * from exactly the bytes and strings bound to the INSERT and from the hash of the event before it in
 * its stream. It runs on the appending transaction's own connection, so the hash is stored in the
 * same statement and the same transaction as the event: there is no moment at which an event is
 * stored without it, and no hash survives a rolled-back append.
 *
 * <p>The previous hash is the one in this batch (an aggregate applying several events at once) or
 * the stored one of sequence number − 1, read through the (aggregate, sequence) unique index. An
 * event stored before the chain existed has none yet: its stream is hashed here first, in the same
 * transaction, the way {@link EventChain#backfill} does it at start.
 */
public final class ChainedAppend implements AppendEventsStatementBuilder {

    private final DurableCommits durableCommits;
    private final AppendBound appendBound;

    /**
     * @param durableCommits told of every append, so the appending transaction's commit reaches the disk before it returns
     * @param appendBound    told of every append before its INSERT, so the transaction commits in time or not at all
     */
    public ChainedAppend(DurableCommits durableCommits, AppendBound appendBound) {
        this.durableCommits = durableCommits;
        this.appendBound = appendBound;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter ignoredBecauseTheHashNeedsTheString) throws SQLException {
        if (dataType != byte[].class) {
            throw new IllegalStateException("the chain hashes payloads stored as bytes, not as " + dataType);
        }
        appendBound.enter(connection, events);
        durableCommits.afterThisTransactionCommits();
        Map<String, String> headsInThisBatch = new HashMap<>();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ", chain_hash) VALUES (?,?,?,?,?,?,?,?,?,?)");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String timeStamp = formatInstant(event.getTimestamp());
            String previous = previousHash(connection, event, headsInThisBatch);
            String hash = EventHash.of(event.getIdentifier(), event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), timeStamp, payload.getType().getName(), payload.getType().getRevision(),
                    payload.getData(), metaData.getData(), previous);
            headsInThisBatch.put(event.getAggregateIdentifier(), event.getSequenceNumber() + ":" + hash);
            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            insert.setString(5, timeStamp);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payload.getData());
            insert.setBytes(9, metaData.getData());
            insert.setString(10, hash);
            insert.addBatch();
        }
        return insert;
    }

    private static String previousHash(Connection connection, DomainEventMessage<?> event,
                                       Map<String, String> headsInThisBatch) throws SQLException {
        long previousSequence = event.getSequenceNumber() - 1;
        if (previousSequence < 0) {
            return EventHash.GENESIS;
        }
        String inBatch = headsInThisBatch.get(event.getAggregateIdentifier());
        if (inBatch != null && inBatch.startsWith(previousSequence + ":")) {
            return inBatch.substring(inBatch.indexOf(':') + 1);
        }
        return EventChain.storedHashOf(connection, event.getAggregateIdentifier(), previousSequence);
    }

    /** As Axon stores an event that belongs to no aggregate: its own id as aggregate id, sequence 0. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain
                ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
