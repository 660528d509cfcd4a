package nl.wederkerig.core.reciprocity;

/** Services the wijk gives a partner besides hours; counted, not valued. */
public enum ServiceCategory {
    ADVICE,
    ROOM_USE,
    MEAL,
    OUTING_WITH_RESIDENTS,
    REFERRAL,
    OTHER;

    public String accountSegment() {
        return name().toLowerCase().replace('_', '-');
    }
}
