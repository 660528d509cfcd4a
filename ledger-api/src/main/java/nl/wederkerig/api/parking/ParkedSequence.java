package nl.wederkerig.api.parking;

import java.time.Instant;

/**
 * One parked sequence of one read model: the event it refused first, and how many of its events
 * wait behind that one (including it). The sequence is the aggregate the events belong to (an
 * advance, a fund, the community); the reason is the read model's own refusal or only the kind of
 * failure, never personal data (ParkingPolicy).
 *
 * @param globalIndex the refused event's place in the store; -1 when not known
 */
public record ParkedSequence(String readModel, String processor, String sequence, String eventType, long globalIndex,
                             Instant eventTime, Instant parkedAt, String reason, long parkedEvents) {
}
