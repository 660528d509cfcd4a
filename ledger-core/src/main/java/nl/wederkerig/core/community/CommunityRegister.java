package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.KnownParties;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link KnownParties} answered by the {@link Community} aggregate, loaded in the current unit of
 * work: the same source of truth that registers and deregisters members, so a member deregistered
 * a moment ago is already a stranger here, and the community's aggregate lock (held until the unit
 * of work ends) keeps a deregistration from slipping between the check and the new record.
 *
 * <p>The repository is supplied lazily because aggregates need this object as a handler parameter
 * while the repositories are still being configured.
 */
public final class CommunityRegister implements KnownParties {

    private final Supplier<Repository<Community>> communities;

    public CommunityRegister(Supplier<Repository<Community>> communities) {
        this.communities = Objects.requireNonNull(communities);
    }

    @Override
    public void requireMembers(CommunityId community, MemberId... members) {
        Objects.requireNonNull(members, "members are missing");
        ask(community, c -> {
            for (MemberId member : members) {
                c.requireCurrentMember(member);
            }
        });
    }

    @Override
    public void requireMayActFor(CommunityId community, MemberId actor, MemberId represented) {
        ask(community, c -> c.requireMayActFor(actor, represented));
    }

    @Override
    public void requirePartner(CommunityId community, PartnerId partner) {
        ask(community, c -> c.requirePartner(partner));
    }

    @Override
    public void requireInitiative(CommunityId community, InitiativeId initiative) {
        ask(community, c -> c.requireInitiative(initiative));
    }

    private void ask(CommunityId community, Consumer<Community> check) {
        Objects.requireNonNull(community, "community is missing");
        Aggregate<Community> loaded;
        try {
            loaded = communities.get().load(community.value());
        } catch (AggregateNotFoundException unknown) {
            throw new UnknownCommunity(community);
        }
        loaded.execute(check);
    }
}
