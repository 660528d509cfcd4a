package nl.wederkerig.api.trust;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.trust.TrustRequests.SharingConsent;
import nl.wederkerig.api.trust.TrustRequests.SharingRecorded;
import nl.wederkerig.api.trust.TrustRequests.SharingWithdrawal;
import nl.wederkerig.api.trust.TrustRequests.TrustSharing;
import nl.wederkerig.core.community.ShareTrustHistory;
import nl.wederkerig.core.community.StopSharingTrustHistory;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.community.UnknownMember;
import nl.wederkerig.projections.community.MemberView;
import nl.wederkerig.projections.community.Memberships;
import nl.wederkerig.projections.trust.TrustHistories;
import nl.wederkerig.projections.trust.TrustHistory;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * A neighbour's trust history, with everyone or with one counterparty: a history, not a score. It
 * is the neighbour's own; another neighbour sees it only after the neighbour recorded their consent
 * for that one person (sharing), which they can withdraw at any time.
 */
@ApplicationService
public class Trust {

    private final TrustHistories histories;
    private final Memberships memberships;
    private final Access access;
    private final CommandGateway commands;
    private final BusinessDay day;

    Trust(TrustHistories histories, Memberships memberships, Access access, CommandGateway commands, BusinessDay day) {
        this.histories = histories;
        this.memberships = memberships;
        this.access = access;
        this.commands = commands;
        this.day = day;
    }

    public TrustHistory of(Login me, CommunityId community, MemberId member) {
        access.requireTrustHistoryVisible(me, community, member);
        return histories.of(community, member);
    }

    public TrustHistory between(Login me, CommunityId community, MemberId member, MemberId counterparty) {
        access.requireTrustHistoryVisible(me, community, member);
        return histories.between(community, member, counterparty);
    }

    /** Whom the neighbour shares their history with, and who shares theirs with them: for the neighbour only. */
    public TrustSharing sharing(Login me, CommunityId community, MemberId member) {
        access.requireSelf(me, community, member);
        return new TrustSharing(memberships.viewersOf(community, member), memberships.sharingWith(community, member));
    }

    /** The neighbour consents to {@code viewer} seeing their trust history. */
    public SharingRecorded share(Login me, CommunityId community, MemberId member, SharingConsent request) {
        access.requireSelf(me, community, member);
        try {
            commands.sendAndWait(new ShareTrustHistory(community, request.commandId(), request.viewer(),
                    day.orToday(request.businessDate()), me.memberId()));
        } catch (UnknownMember notAMember) {
            if (!isCurrentMember(community, me.memberId())) {
                throw notAMember;
            }
            // The domain stored nothing: a consent to an id that is no member grants nobody
            // anything. Answered as a consent to a member, so this request cannot be used to test
            // which ids are members; the neighbour's own list (sharing) shows what was recorded.
        }
        return new SharingRecorded(request.commandId(), request.viewer());
    }

    private boolean isCurrentMember(CommunityId community, MemberId member) {
        return memberships.member(community, member).filter(MemberView::current).isPresent();
    }

    /** The neighbour withdraws the consent they gave {@code viewer}. */
    public SharingRecorded stopSharing(Login me, CommunityId community, MemberId member, MemberId viewer,
                                       SharingWithdrawal request) {
        access.requireSelf(me, community, member);
        commands.sendAndWait(new StopSharingTrustHistory(community, request.commandId(), viewer,
                day.orToday(request.businessDate()), me.memberId()));
        return new SharingRecorded(request.commandId(), viewer);
    }
}
