package nl.wederkerig.core.community;

/**
 * The roles a member can hold. TREASURER and AUDITOR are of one initiative, PARTNER_REPRESENTATIVE
 * of one partner.
 */
public enum RoleKind {
    NEIGHBOUR,
    TREASURER,
    PARTNER_REPRESENTATIVE,
    COORDINATOR,
    /** The kascommissie of one initiative (BW 2:48): reads its books, changes nothing. */
    AUDITOR
}
