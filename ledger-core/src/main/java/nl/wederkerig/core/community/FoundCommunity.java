package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CreatesRecord;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Founds a community; {@code founder} becomes its first member and coordinator. The founder acts
 * for themselves on a fresh installation; on a running one an installation's administrator
 * ({@code actor}) founds a community for its first coordinator. {@code name} is how people call
 * the wijk ("Rotterdam West"), optional. The community id is the command id.
 */
public record FoundCommunity(
        @TargetAggregateIdentifier CommunityId communityId,
        CommunityName name,
        MemberId founder,
        LocalDate businessDate,
        MemberId actor) implements CreatesRecord {

    /** The founder founds it themselves, without a name (as the demo and older callers do). */
    public FoundCommunity(CommunityId communityId, LocalDate businessDate, MemberId actor) {
        this(communityId, null, actor, businessDate, actor);
    }
}
