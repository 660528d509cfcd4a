package nl.wederkerig.api.platform.eventstore;

/** An event that does not verify, and why; enough to find the row and to tell the kascommissie what is wrong. */
public record BrokenEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String payloadType,
                          Problem problem) {

    public enum Problem {
        /** Its stored contents, or the event it is chained after, are not what its hash was made from. */
        CHANGED("changed", "its contents or its place in the chain no longer match its hash"),
        /** The stream jumps over one or more sequence numbers just before it. */
        MISSING_BEFORE("missing-before", "one or more events before it in its stream are missing"),
        /** It carries no hash at all: written around the application. */
        UNHASHED("unhashed", "it carries no hash: it was written around the application");

        private final String code;
        private final String explanation;

        Problem(String code, String explanation) {
            this.code = code;
            this.explanation = explanation;
        }

        public String code() {
            return code;
        }

        public String explanation() {
            return explanation;
        }
    }

    /** One plain line for the command-line report. */
    public String line() {
        return "event " + globalIndex + " (" + aggregateIdentifier + " #" + sequenceNumber + ", " + payloadType + "): "
                + problem.explanation();
    }
}
