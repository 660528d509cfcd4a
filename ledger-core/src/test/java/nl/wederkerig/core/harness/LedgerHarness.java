package nl.wederkerig.core.harness;

import nl.wederkerig.core.advances.Advance;
import nl.wederkerig.core.advances.AdvanceBook;
import nl.wederkerig.core.claims.Claim;
import nl.wederkerig.core.advances.AdvanceLimitGuard;
import nl.wederkerig.core.shared.IdsOfOtherKinds;
import nl.wederkerig.core.community.Community;
import nl.wederkerig.core.community.CommunityRegister;
import nl.wederkerig.core.community.MemberDeregistered;
import nl.wederkerig.core.community.InitiativeRegistered;
import nl.wederkerig.core.community.RoleAssigned;
import nl.wederkerig.core.community.RoleRevoked;
import nl.wederkerig.core.errands.Errand;
import nl.wederkerig.core.errands.ErrandOverspendPolicy;
import nl.wederkerig.core.errands.ErrandOverspent;
import nl.wederkerig.core.funds.ClaimPayments;
import nl.wederkerig.core.funds.ClaimReviewGuard;
import nl.wederkerig.core.funds.CoordinatorGuard;
import nl.wederkerig.core.funds.Fund;
import nl.wederkerig.core.funds.FundPolicy;
import nl.wederkerig.core.help.HelpRecord;
import nl.wederkerig.core.reciprocity.PartnerAccount;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-only wiring of the whole domain the way the application wires it, but in memory: one
 * event store, an event-sourcing repository and annotated command handler per aggregate, the
 * community's register of known parties as injected resource, the advance-limit, claim-review and
 * coordinator guards as handler interceptors, the claim-payment handler, and the two policies
 * applied synchronously after each command (the application runs them as event handlers).
 */
public final class LedgerHarness implements AutoCloseable {

    /** Every aggregate of the domain; RegistrationTest (benchmarks) checks it against the application's own list. */
    public static final List<Class<?>> AGGREGATES = List.of(Community.class, Advance.class, AdvanceBook.class,
            Errand.class, HelpRecord.class, Fund.class, Claim.class, PartnerAccount.class);

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final ParameterResolverFactory resolvers;
    /**
     * The repositories commands go through: cached, one cache per kind of aggregate, as in the
     * application (LedgerConfiguration.cached). A shared cache would hand one kind's instance to
     * another kind's command when a client reuses an id across kinds.
     */
    private final Map<Class<?>, EventSourcingRepository<?>> repositories = new HashMap<>();
    /** The same aggregates without a cache: every load rebuilds from the stored events. */
    private final Map<Class<?>, EventSourcingRepository<?>> replaying = new HashMap<>();
    private final List<Object> events = new ArrayList<>();
    private final Clock clock;
    private static final Map<List<Object>, AggregateModel<?>> MODELS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Under this key each unit of work knows the harness it runs in. */
    private static final String HARNESS = LedgerHarness.class.getName();
    /**
     * The register of known parties, one for every harness because the aggregate models (cached
     * above) keep their injected resources: it finds the community repository of the harness
     * whose unit of work asks.
     */
    private static final CommunityRegister PARTIES = new CommunityRegister(() ->
            ((LedgerHarness) CurrentUnitOfWork.get().root().getResource(HARNESS)).repository(Community.class));

    public LedgerHarness(Clock clock) {
        this.clock = clock;
        resolvers = MultiParameterResolverFactory.ordered(
                new SimpleResourceParameterResolverFactory(List.of(clock, PARTIES)),
                ClasspathParameterResolverFactory.forClass(LedgerHarness.class));
        AGGREGATES.forEach(this::register);
        bus.registerHandlerInterceptor((unitOfWork, chain) -> {
            unitOfWork.resources().put(HARNESS, this);
            return chain.proceed();
        });
        bus.registerHandlerInterceptor(new IdsOfOtherKinds());
        bus.registerHandlerInterceptor(new AdvanceLimitGuard(repository(Community.class), repository(AdvanceBook.class),
                repository(Advance.class), clock));
        bus.registerHandlerInterceptor(new ClaimReviewGuard(repository(Claim.class), repository(Fund.class), repository(Community.class)));
        bus.registerHandlerInterceptor(new CoordinatorGuard(repository(Fund.class), repository(Community.class)));
        new AnnotationCommandHandlerAdapter<>(new ClaimPayments(repository(Claim.class), repository(Fund.class),
                repository(Community.class), clock), resolvers).subscribe(bus);
        store.subscribe(messages -> messages.stream().map(EventMessage::getPayload).forEach(events::add));
    }

    private <T> void register(Class<T> type) {
        AggregateModel<T> model = modelOf(type);
        EventSourcingRepository<T> repository = EventSourcingRepository.builder(type).eventStore(store)
                .aggregateModel(model).cache(new StrongCache()).build();
        repositories.put(type, repository);
        replaying.put(type, EventSourcingRepository.builder(type).eventStore(store).aggregateModel(model).build());
        AggregateAnnotationCommandHandler.<T>builder().aggregateType(type).repository(repository)
                .aggregateModel(model).build().subscribe(bus);
    }

    /** Inspecting an aggregate class is the slow part of wiring; do it once per clock and type, not per run. */
    @SuppressWarnings("unchecked")
    private <T> AggregateModel<T> modelOf(Class<T> type) {
        return (AggregateModel<T>) MODELS.computeIfAbsent(List.of(clock, type),
                key -> AnnotatedAggregateMetaModelFactory.inspectAggregate(type, resolvers));
    }

    @SuppressWarnings("unchecked")
    public <T> EventSourcingRepository<T> repository(Class<T> type) {
        return (EventSourcingRepository<T>) repositories.get(type);
    }

    /**
     * Dispatches a command and then what the policies make of its events.
     *
     * @return the exception the handler threw, if any
     */
    public Optional<Throwable> send(Object command) {
        int before = events.size();
        Optional<Throwable> failure = dispatch(command);
        for (Object event : List.copyOf(events.subList(before, events.size()))) {
            for (Object next : followUp(event)) {
                dispatch(next).ifPresent(e -> {
                    throw new AssertionError("a policy's command failed: " + next, e);
                });
            }
        }
        return failure;
    }

    private Optional<Throwable> dispatch(Object command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        CommandResultMessage<?> result = callback.getResult();
        return result.isExceptional() ? Optional.of(result.exceptionResult()) : Optional.empty();
    }

    private static List<Object> followUp(Object event) {
        if (event instanceof InitiativeRegistered e) {
            return List.of(FundPolicy.commandFor(e));
        }
        if (event instanceof RoleAssigned e) {
            return FundPolicy.commandFor(e).<List<Object>>map(List::of).orElse(List.of());
        }
        if (event instanceof RoleRevoked e) {
            return FundPolicy.commandFor(e).<List<Object>>map(List::of).orElse(List.of());
        }
        if (event instanceof MemberDeregistered e) {
            return List.copyOf(FundPolicy.commandsFor(e));
        }
        if (event instanceof ErrandOverspent e) {
            return List.of(ErrandOverspendPolicy.commandFor(e));
        }
        return List.of();
    }

    /** Every event recorded so far, in order. */
    public List<Object> events() {
        return List.copyOf(events);
    }

    /** Rebuilds an aggregate from its stored events, past the cache. */
    public <T> T replay(Class<T> type, String id) {
        return load(replaying, type, id);
    }

    /**
     * The aggregate as the commands left it: the cached instance that handled them, changed by
     * applying each new event as it was recorded (or, if no command touched it since it was
     * last rolled back out of the cache, rebuilt from its events).
     */
    public <T> T live(Class<T> type, String id) {
        return load(repositories, type, id);
    }

    private static <T> T load(Map<Class<?>, EventSourcingRepository<?>> from, Class<T> type, String id) {
        Object[] holder = new Object[1];
        org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null).execute(() ->
                from.get(type).load(id).execute(aggregate -> holder[0] = aggregate));
        return type.cast(holder[0]);
    }

    @Override
    public void close() {
        store.shutDown();
    }
}
