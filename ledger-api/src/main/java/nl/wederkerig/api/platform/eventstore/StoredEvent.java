package nl.wederkerig.api.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code domain_event_entry} exactly as stored: strings as written, payload and
 * metadata as their stored bytes. The chain hashes this form, never a re-serialized event, so a
 * changed serializer cannot break the chain and a changed row cannot hide behind one.
 */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                   long sequenceNumber, String timeStamp, String payloadType, String payloadRevision,
                   byte[] payload, byte[] metaData, String chainHash) {

    /** The columns {@link #read} expects, in one place so every query selects the same. */
    static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data, chain_hash";

    static StoredEvent read(ResultSet row) throws SQLException {
        String hash = row.getString("chain_hash");
        return new StoredEvent(row.getLong("global_index"), row.getString("event_identifier"), row.getString("type"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("time_stamp"),
                row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                row.getBytes("meta_data"), hash == null ? null : hash.trim());
    }

    /** This event's hash as it should be when chained after {@code previousHash}. */
    String expectedHash(String previousHash) {
        return EventHash.of(eventIdentifier, aggregateType, aggregateIdentifier, sequenceNumber, timeStamp,
                payloadType, payloadRevision, payload, metaData, previousHash);
    }
}
