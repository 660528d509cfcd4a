package nl.wederkerig.core.community;

/** The roles a member can hold. TREASURER is of one initiative, PARTNER_REPRESENTATIVE of one partner. */
public enum RoleKind {
    NEIGHBOUR,
    TREASURER,
    PARTNER_REPRESENTATIVE,
    COORDINATOR
}
