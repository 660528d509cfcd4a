package nl.wederkerig.api.parking;

/**
 * The outcome of a retry: how many parked sequences were handled completely (and are gone from the
 * queue), how many were refused again (still parked, with the newest reason), and how many events
 * remain parked for the community afterwards.
 */
public record RetryReport(int sequencesApplied, int sequencesStillParked, long parkedEventsLeft) {
}
