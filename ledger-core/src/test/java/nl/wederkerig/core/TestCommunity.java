package nl.wederkerig.core;

import nl.wederkerig.core.community.Community;
import nl.wederkerig.core.community.CommunityFounded;
import nl.wederkerig.core.community.CommunityRegister;
import nl.wederkerig.core.community.HelperNamed;
import nl.wederkerig.core.community.HelperWithdrawn;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.InitiativeRegistered;
import nl.wederkerig.core.community.MemberDeregistered;
import nl.wederkerig.core.community.MemberRegistered;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.PartnerRegistered;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.KnownParties;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.List;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;

/**
 * A real {@link Community} aggregate, recorded from its events, behind the real {@link CommunityRegister}:
 * what an aggregate fixture injects as {@link KnownParties}, so its tests meet the same refusals
 * (unknown member, partner, initiative, community) as the application. Its founder coordinates.
 */
public final class TestCommunity {

    private final CommunityId id;
    private final MemberId founder;
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventSourcingRepository<Community> repository;
    private long sequence;

    private TestCommunity(CommunityId id, MemberId founder) {
        this.id = id;
        this.founder = founder;
        this.repository = EventSourcingRepository.builder(Community.class).eventStore(store)
                .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(Community.class,
                        MultiParameterResolverFactory.ordered(new SimpleResourceParameterResolverFactory(List.of(CLOCK)),
                                ClasspathParameterResolverFactory.forClass(Community.class))))
                .build();
        record(new CommunityFounded(id, founder, MONDAY, founder, NOW));
    }

    /** A community founded by {@code founder}, who is its first member and coordinator. */
    public static TestCommunity founded(CommunityId id, MemberId founder) {
        return new TestCommunity(id, founder);
    }

    public TestCommunity members(MemberId... members) {
        for (MemberId member : members) {
            record(new MemberRegistered(id, next(), member, MONDAY, founder, NOW));
        }
        return this;
    }

    public TestCommunity partners(PartnerId... partners) {
        for (PartnerId partner : partners) {
            record(new PartnerRegistered(id, next(), partner, PartnerKind.CARE_ORGANISATION, MONDAY, founder, NOW));
        }
        return this;
    }

    public TestCommunity initiatives(InitiativeId... initiatives) {
        for (InitiativeId initiative : initiatives) {
            record(new InitiativeRegistered(id, next(), initiative, InitiativeKind.OTHER, MONDAY, founder, NOW));
        }
        return this;
    }

    /** Registers {@code members} and records that they left again (each held only NEIGHBOUR). */
    public TestCommunity formerMembers(MemberId... members) {
        members(members);
        for (MemberId member : members) {
            record(new MemberDeregistered(id, next(), member, List.of(Role.neighbour()), MONDAY, founder, NOW));
        }
        return this;
    }

    /** Records that {@code represented} named {@code helper}, who may then record on their behalf. */
    public TestCommunity helperNamed(MemberId represented, MemberId helper) {
        record(new HelperNamed(id, next(), helper, MONDAY, represented, NOW));
        return this;
    }

    /** Records that {@code represented} withdrew the consent given to {@code helper}. */
    public TestCommunity helperWithdrawn(MemberId represented, MemberId helper) {
        record(new HelperWithdrawn(id, next(), helper, MONDAY, represented, NOW));
        return this;
    }

    /** The register the application injects into command handlers, over this community. */
    public KnownParties parties() {
        return new CommunityRegister(() -> repository);
    }

    private CommandId next() {
        return CommandId.of("setup-" + sequence);
    }

    private void record(Object event) {
        store.publish(new GenericDomainEventMessage<>("Community", id.value(), sequence++, event));
    }
}
