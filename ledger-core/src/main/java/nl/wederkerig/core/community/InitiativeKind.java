package nl.wederkerig.core.community;

/** What kind of initiative; closed so reports group alike initiatives across communities. */
public enum InitiativeKind {
    SHARED_MEALS,
    NEIGHBOUR_HELP,
    MONEY_CLUB,
    PEER_GROUP,
    NEIGHBOURHOOD_COMPANY,
    OTHER
}
