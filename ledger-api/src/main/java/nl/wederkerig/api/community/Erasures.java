package nl.wederkerig.api.community;

import jakarta.validation.constraints.NotNull;
import nl.wederkerig.api.community.CommunityRequests.RecordedAdministration;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.core.community.ConfirmErasure;
import nl.wederkerig.core.community.RequestErasure;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;

/**
 * Erasure a member can ask for (GDPR art. 17). A coordinator records the request; a second
 * coordinator or the member themselves confirms it, and then the member's key is destroyed (every
 * text sealed for them becomes unreadable in every event and every copy of the store) and their
 * login removed. Balances, journals and reports keep the pseudonymous member id and stay exactly as
 * they were: none of them ever depended on the sealed data.
 */
@ApplicationService
public class Erasures {

    /** The body of both steps: the client's id for the step, and optionally the business date it happened. */
    public record ErasureStep(@NotNull CommandId commandId, LocalDate businessDate) {
    }

    private final CommandGateway commands;
    private final Access access;
    private final BusinessDay day;
    private final ErasureOfPersonalData erasure;

    Erasures(CommandGateway commands, Access access, BusinessDay day, ErasureOfPersonalData erasure) {
        this.commands = commands;
        this.access = access;
        this.day = day;
        this.erasure = erasure;
    }

    public RecordedAdministration request(Login me, CommunityId community, MemberId member, ErasureStep step) {
        access.requireCoordinator(me, community);
        commands.sendAndWait(new RequestErasure(community, step.commandId(), member, day.orToday(step.businessDate()),
                me.memberId()));
        return new RecordedAdministration(community, step.commandId());
    }

    /**
     * Once the community recorded the confirmation, the key and the login go before the answer: a
     * 200 means erased. A repeat of the same confirmation erases again, which changes nothing.
     */
    public RecordedAdministration confirm(Login me, CommunityId community, MemberId member, ErasureStep step) {
        access.requireSelfOrCoordinator(me, community, member);
        commands.sendAndWait(new ConfirmErasure(community, step.commandId(), member, day.orToday(step.businessDate()),
                me.memberId()));
        erasure.erase(member);
        return new RecordedAdministration(community, step.commandId());
    }
}
