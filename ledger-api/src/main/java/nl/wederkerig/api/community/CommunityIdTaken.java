package nl.wederkerig.api.community;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.RuleViolation;

/** A community with this id exists already on this installation (ids are for the whole installation). */
public final class CommunityIdTaken extends RuleViolation {

    CommunityIdTaken(CommunityId community) {
        super("the community id " + community + " is already taken on this installation");
    }

    @Override
    public String code() {
        return "community-id-taken";
    }
}
