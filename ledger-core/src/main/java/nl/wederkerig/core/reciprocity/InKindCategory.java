package nl.wederkerig.core.reciprocity;

/** What a partner returned in kind (valued in EUR when recorded). */
public enum InKindCategory {
    ROOM,
    MATERIALS,
    FOOD,
    PROFESSIONAL_TIME,
    TRAINING,
    OTHER;

    public String accountSegment() {
        return name().toLowerCase().replace('_', '-');
    }
}
