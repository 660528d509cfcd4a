package nl.wederkerig.api.community;

import nl.wederkerig.api.community.HelperRequests.HelperConsent;
import nl.wederkerig.api.community.HelperRequests.HelperList;
import nl.wederkerig.api.community.HelperRequests.HelperRecorded;
import nl.wederkerig.api.community.HelperRequests.HelperWithdrawal;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.core.community.NameHelper;
import nl.wederkerig.core.community.UnknownMember;
import nl.wederkerig.core.community.WithdrawHelper;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.community.MemberView;
import nl.wederkerig.projections.community.Memberships;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;

/**
 * Recording on behalf of a neighbour without a phone (issue 12, flow 10). A neighbour names a
 * helper, their recorded consent, and can withdraw it; a coordinator may always record on a
 * member's behalf. Who may record for whom is decided by the Community aggregate when an advance or
 * help is recorded; the lists here only tell pages which choices to offer.
 */
@ApplicationService
public class Helpers {

    private final Memberships memberships;
    private final Access access;
    private final CommandGateway commands;
    private final BusinessDay day;

    Helpers(Memberships memberships, Access access, CommandGateway commands, BusinessDay day) {
        this.memberships = memberships;
        this.access = access;
        this.commands = commands;
        this.day = day;
    }

    /** Whom the neighbour named, and who named them: for the neighbour only. */
    public HelperList of(Login me, CommunityId community, MemberId member) {
        access.requireSelf(me, community, member);
        return new HelperList(memberships.helpersOf(community, member), memberships.representedBy(community, member));
    }

    /**
     * The neighbours the signed-in member may record on behalf of, in id order: every other current
     * member for a coordinator, otherwise those who named them as helper (often none).
     */
    public List<MemberId> representable(Login me) {
        CommunityId community = me.communityId();
        if (access.coordinates(me, community)) {
            return memberships.members(community).stream().filter(MemberView::current).map(MemberView::memberId)
                    .filter(member -> !member.equals(me.memberId())).toList();
        }
        return memberships.representedBy(community, me.memberId());
    }

    /** The neighbour consents to {@code helper} recording on their behalf. */
    public HelperRecorded name(Login me, CommunityId community, MemberId member, HelperConsent request) {
        access.requireSelf(me, community, member);
        try {
            commands.sendAndWait(new NameHelper(community, request.commandId(), request.helper(),
                    day.orToday(request.businessDate()), me.memberId()));
        } catch (UnknownMember notAMember) {
            if (memberships.member(community, me.memberId()).filter(MemberView::current).isEmpty()) {
                throw notAMember;
            }
            // As for sharing a trust history: nothing was stored, and a consent to an id that is no
            // member grants nobody anything. Answered like a consent to a member, so this request
            // cannot be used to test which ids are members; the neighbour's own list shows the truth.
        }
        return new HelperRecorded(request.commandId(), request.helper());
    }

    /** The neighbour withdraws the consent they gave {@code helper}. */
    public HelperRecorded withdraw(Login me, CommunityId community, MemberId member, MemberId helper,
                                   HelperWithdrawal request) {
        access.requireSelf(me, community, member);
        commands.sendAndWait(new WithdrawHelper(community, request.commandId(), helper,
                day.orToday(request.businessDate()), me.memberId()));
        return new HelperRecorded(request.commandId(), helper);
    }
}
