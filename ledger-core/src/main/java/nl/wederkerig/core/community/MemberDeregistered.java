package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A member left the community. Every role they held ended with it ({@code rolesEnded}, NEIGHBOUR
 * included, in a fixed order), and so did every consent to see a trust history given by them or
 * to them. Their open advances, errands and help records stay as they are: visible to the other
 * party and still to be settled.
 */
public record MemberDeregistered(
        CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        List<Role> rolesEnded,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {

    public MemberDeregistered {
        rolesEnded = rolesEnded == null ? List.of() : List.copyOf(rolesEnded);
    }
}
