package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.PartnerId;

import java.util.Objects;

/**
 * A role with its scope: a treasurer is treasurer of one initiative, an auditor (kascommissie) audits one, a partner representative
 * represents one partner; neighbour and coordinator have no scope. Equal roles are the same role.
 */
public record Role(RoleKind kind, InitiativeId initiative, PartnerId partner) {

    public Role {
        Objects.requireNonNull(kind, "role kind is missing");
        if ((kind == RoleKind.TREASURER || kind == RoleKind.AUDITOR) != (initiative != null)) {
            throw new IllegalArgumentException("a treasurer or auditor role, and only those, name an initiative");
        }
        if ((kind == RoleKind.PARTNER_REPRESENTATIVE) != (partner != null)) {
            throw new IllegalArgumentException("a partner representative role, and only that, names a partner");
        }
    }

    public static Role neighbour() {
        return new Role(RoleKind.NEIGHBOUR, null, null);
    }

    public static Role coordinator() {
        return new Role(RoleKind.COORDINATOR, null, null);
    }

    public static Role treasurerOf(InitiativeId initiative) {
        return new Role(RoleKind.TREASURER, Objects.requireNonNull(initiative), null);
    }

    /** The kascommissie (audit committee) of one initiative: reads its books, changes nothing. */
    public static Role auditorOf(InitiativeId initiative) {
        return new Role(RoleKind.AUDITOR, Objects.requireNonNull(initiative), null);
    }

    public static Role representativeOf(PartnerId partner) {
        return new Role(RoleKind.PARTNER_REPRESENTATIVE, null, Objects.requireNonNull(partner));
    }
}
