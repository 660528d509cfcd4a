package nl.wederkerig.core.community;

/** What kind of partner. */
public enum PartnerKind {
    CARE_ORGANISATION,
    MUNICIPALITY,
    FUND,
    HOUSING_CORPORATION,
    OTHER
}
