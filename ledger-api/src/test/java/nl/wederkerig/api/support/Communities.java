package nl.wederkerig.api.support;

import nl.wederkerig.core.community.FoundCommunity;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;

/** Founds the test communities once per application context; a later call changes nothing. */
public final class Communities {

    public static final MemberId COORDINATOR = MemberId.of("coordinator-west");

    private Communities() {
    }

    public static void founded(CommandGateway commands, CommunityId community) {
        try {
            commands.sendAndWait(new FoundCommunity(community, LocalDate.now().minusDays(30), COORDINATOR));
        } catch (CommandIdReused foundedEarlierWithAnotherDate) {
            // founded by an earlier test (on another day, in a long run): that is all we need
        }
    }
}
