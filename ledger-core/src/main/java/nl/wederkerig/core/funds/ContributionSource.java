package nl.wederkerig.core.funds;

/** Where a contribution came from. A PARTNER contribution names the partner. */
public enum ContributionSource {
    PARTNER,
    GRANT,
    DONATION,
    GUEST_CONTRIBUTION;

    /** Segment for journal account names. */
    public String accountSegment() {
        return name().toLowerCase().replace('_', '-');
    }
}
