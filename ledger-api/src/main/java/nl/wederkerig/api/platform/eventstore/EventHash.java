package nl.wederkerig.api.platform.eventstore;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical form of a stored event and its SHA-256. Every field is written with its length in
 * front (−1 for an absent one), so no two different events, and no shift of bytes from one field
 * into the next, give the same input. The form is versioned by its first field: a later form gets
 * a new tag, and events hashed under this one keep verifying under it.
 *
 * <p>What is hashed: the event id, the aggregate's type, id and sequence number, the time stamp as
 * stored, the payload type and revision, the payload and metadata bytes as stored, and the hash of
 * the event before it in the same stream ({@link #GENESIS} for the first). Sealed personal data is
 * inside the payload as ciphertext, so destroying a member's key leaves every hash as it was.
 */
public final class EventHash {

    /** The "previous hash" of a stream's first event. */
    public static final String GENESIS = "";
    static final int HEX_CHARS = 64;
    private static final byte[] EVENT_TAG = "wederkerig-event-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECKPOINT_TAG = "wederkerig-checkpoint-v1".getBytes(StandardCharsets.UTF_8);

    private EventHash() {
    }

    static String of(String eventIdentifier, String aggregateType, String aggregateIdentifier, long sequenceNumber,
                      String timeStamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                      String previousHash) {
        ByteArrayOutputStream form = new ByteArrayOutputStream(256 + length(payload) + length(metaData));
        field(form, EVENT_TAG);
        field(form, text(eventIdentifier));
        field(form, text(aggregateType));
        field(form, text(aggregateIdentifier));
        field(form, text(Long.toString(sequenceNumber)));
        field(form, text(timeStamp));
        field(form, text(payloadType));
        field(form, text(payloadRevision));
        field(form, payload);
        field(form, metaData);
        field(form, text(previousHash));
        return hex(sha256().digest(form.toByteArray()));
    }

    /** A checkpoint's head: the one before it, what it covers, and the digest of the events added since. */
    static String checkpoint(long number, long coveredUpToIndex, long eventCount, String previousHead, byte[] rangeDigest) {
        ByteArrayOutputStream form = new ByteArrayOutputStream(200);
        field(form, CHECKPOINT_TAG);
        field(form, text(Long.toString(number)));
        field(form, text(Long.toString(coveredUpToIndex)));
        field(form, text(Long.toString(eventCount)));
        field(form, text(previousHead));
        field(form, rangeDigest);
        return hex(sha256().digest(form.toByteArray()));
    }

    /** Adds one event (its global index and chain hash) to a checkpoint's running digest. */
    static void addToRange(MessageDigest range, long globalIndex, String chainHash) {
        ByteArrayOutputStream form = new ByteArrayOutputStream(96);
        field(form, text(Long.toString(globalIndex)));
        field(form, text(chainHash));
        range.update(form.toByteArray());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static void field(ByteArrayOutputStream form, byte[] value) {
        form.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            form.writeBytes(value);
        }
    }
}
