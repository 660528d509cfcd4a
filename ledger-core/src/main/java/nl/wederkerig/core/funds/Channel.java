package nl.wederkerig.core.funds;

/** Where a fund's money is: the initiative's bank account or its cash box (kas). */
public enum Channel {
    BANK,
    CASH_BOX;

    /** Segment for journal account names. */
    public String accountSegment() {
        return this == BANK ? "bank" : "cash";
    }
}
