package nl.wederkerig.api.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.wederkerig.api.platform.eventstore.AppendBound;
import nl.wederkerig.api.platform.eventstore.ChainedAppend;
import nl.wederkerig.api.platform.eventstore.DurableCommits;
import nl.wederkerig.api.platform.eventstore.EventsWithTheirIndex;
import nl.wederkerig.core.advances.Advance;
import nl.wederkerig.core.advances.AdvanceBook;
import nl.wederkerig.core.claims.Claim;
import nl.wederkerig.core.advances.AdvanceLimitGuard;
import nl.wederkerig.core.shared.IdsOfOtherKinds;
import nl.wederkerig.core.community.Community;
import nl.wederkerig.core.community.CommunityRegister;
import nl.wederkerig.core.errands.Errand;
import nl.wederkerig.core.errands.ErrandOverspendPolicy;
import nl.wederkerig.core.funds.ClaimPayments;
import nl.wederkerig.core.funds.ClaimReviewGuard;
import nl.wederkerig.core.funds.CoordinatorGuard;
import nl.wederkerig.core.funds.Fund;
import nl.wederkerig.core.funds.FundPolicy;
import nl.wederkerig.core.help.HelpRecord;
import nl.wederkerig.core.reciprocity.PartnerAccount;
import nl.wederkerig.core.shared.KnownParties;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.lifecycle.Phase;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.claims.ExpenseClaims;
import nl.wederkerig.projections.journal.JournalPostings;
import nl.wederkerig.projections.trust.NeighbourActivity;
import nl.wederkerig.projections.community.Memberships;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.funds.InitiativeYears;
import nl.wederkerig.projections.reconciliation.BankReconciliations;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import nl.wederkerig.projections.trust.TrustHistories;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires the domain (ledger-core) and the read models (projections) into Axon: the event store,
 * serializers, aggregates and event handlers. The domain and projections stay free of Spring.
 */
@Configuration
public class LedgerConfiguration {

    /**
     * Gaps a token may hold at most: a gap further than this below the highest index read is dropped
     * whatever its age. It must exceed the indexes taken while one append is in flight (its bound,
     * {@link AppendBound}): 30,000 in 5 s is 6,000 events a second, above the about 2,700 a second
     * measured appending single-threaded on H2 here; Axon's default 10,000 is not (LateCommitTest:
     * 12,000 indexes behind a late event made every read model drop it). It must also stay below
     * PostgreSQL's JDBC limit of 32,767 parameters in one query: Axon reads a token's gaps back with
     * one parameter each.
     */
    static final int MAX_GAP_OFFSET = 30_000;

    /**
     * Above this many gaps a processor first asks the store which of them are older than the gap
     * timeout and drops those. It never drops a younger gap, so this is a matter of cost (a shorter
     * query against a cleaning query), not of correctness: Axon's default, chosen on purpose.
     */
    static final int GAP_CLEANING_THRESHOLD = 250;

    /** Every aggregate of the domain, each with its event-sourcing repository (RegistrationTest keeps the lists in step). */
    public static final List<Class<?>> AGGREGATES = List.of(Community.class, Advance.class, AdvanceBook.class,
            Errand.class, HelpRecord.class, Fund.class, Claim.class, PartnerAccount.class);

    /** Events fetched per query when reading a stream or catching up. */
    static final int EVENT_BATCH_SIZE = 200;

    /**
     * Aggregates are plain classes in ledger-core (no Spring stereotype), registered here, with the
     * domain's own command handler for paying claims and the guard that enforces the community's
     * limit on open advances in the same unit of work as the advance itself.
     */
    @Bean
    public ConfigurerModule ledgerAggregates(Clock clock, DurableCommits storage, JdbcTemplate jdbc) {
        // One process per embedded database file (H2 locks it); on a shared database, instances check their cache.
        boolean sharedDatabase = !storage.embeddedFile();
        return configurer -> {
            AGGREGATES.forEach(aggregate -> configurer.configureAggregate(cached(aggregate, sharedDatabase, jdbc)));
            configurer.registerCommandHandler(c -> new ClaimPayments(c.repository(Claim.class), c.repository(Fund.class),
                    c.repository(Community.class), clock));
            configurer.onInitialize(c -> c.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS, () -> {
                // First, so it also sees what the guards below load: an id naming a record of another kind.
                c.commandBus().registerHandlerInterceptor(new IdsOfOtherKinds());
                c.commandBus().registerHandlerInterceptor(new AdvanceLimitGuard(c.repository(Community.class),
                        c.repository(AdvanceBook.class), c.repository(Advance.class), clock));
            }));
            // Who may decide on a claim, and the coordinator's part in a fund: checked against the community in the same unit of work.
            configurer.onInitialize(c -> c.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS, () -> {
                c.commandBus().registerHandlerInterceptor(new ClaimReviewGuard(c.repository(Claim.class),
                        c.repository(Fund.class), c.repository(Community.class)));
                c.commandBus().registerHandlerInterceptor(new CoordinatorGuard(c.repository(Fund.class),
                        c.repository(Community.class)));
            }));
        };
    }

    /**
     * Keeps loaded aggregates in memory between commands, so a long-lived one (a community, a busy
     * borrower's advance book: two events per advance) is not replayed from its whole stream on
     * every command; measured in the benchmarks. Weak references: the JVM drops entries under memory
     * pressure and the aggregate is then loaded from its events again. Where several application
     * instances share the database (PostgreSQL), a cached aggregate is used only while its stream has
     * not moved on ({@link CheckedAggregateCache}); a race lost all the same is retried ({@link ConflictRetries}).
     */
    static <A> AggregateConfigurer<A> cached(Class<A> aggregate, boolean sharedDatabase, JdbcTemplate jdbc) {
        return AggregateConfigurer.defaultConfiguration(aggregate).configureCache(c -> sharedDatabase
                ? new CheckedAggregateCache(new WeakReferenceCache(), jdbc) : new WeakReferenceCache());
    }

    /**
     * Axon's gateway, sending a command again (a few times, after a short wait) when it lost a race
     * for an aggregate's next sequence number: the client gets one answer.
     */
    @Bean
    public CommandGateway commandGateway(org.axonframework.commandhandling.CommandBus commandBus) {
        java.util.concurrent.ScheduledExecutorService retries = java.util.concurrent.Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "command-retries");
            thread.setDaemon(true);
            return thread;
        });
        return org.axonframework.commandhandling.gateway.DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(new ConflictRetries(retries)).build();
    }

    /**
     * Who and what the community knows, asked by command handlers (like the {@link Clock}) in the
     * command's own unit of work: the {@link Community} aggregate itself, so a new record never
     * names a stranger or someone who left. The repository exists only once Axon is configured.
     */
    @Bean
    public KnownParties knownParties(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new CommunityRegister(() -> axon.getObject().repository(Community.class));
    }

    /** Opens the advance an errand's overspend became. */
    @Bean
    public ErrandOverspendPolicy errandOverspendPolicy(CommandGateway commands) {
        return new ErrandOverspendPolicy(commands);
    }

    /** Keeps each initiative's fund and its treasurers in step with the community. */
    @Bean
    public FundPolicy fundPolicy(CommandGateway commands) {
        return new FundPolicy(commands);
    }

    /**
     * A failing event handler must never be skipped: the default would log and move on, leaving a
     * read model silently wrong. Propagating makes the processor stop and retry with back-off.
     */
    @Bean
    public ConfigurerModule eventHandlersNeverSkip() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    @Bean
    public AdvanceBalances advanceBalances(JdbcTemplate jdbc) {
        return new AdvanceBalances(jdbc);
    }

    @Bean
    public NeighbourActivity neighbourActivity(JdbcTemplate jdbc) {
        return new NeighbourActivity(jdbc);
    }

    @Bean
    public JournalPostings journalPostings(JdbcTemplate jdbc) {
        return new JournalPostings(jdbc);
    }

    /** Queries only: one initiative's postings, for its treasurers and kascommissie. */
    @Bean
    public nl.wederkerig.projections.journal.InitiativeJournal initiativeJournal(JdbcTemplate jdbc) {
        return new nl.wederkerig.projections.journal.InitiativeJournal(jdbc);
    }

    @Bean
    public TrustHistories trustHistories(JdbcTemplate jdbc) {
        return new TrustHistories(jdbc);
    }

    @Bean
    public InitiativeFunds initiativeFunds(JdbcTemplate jdbc) {
        return new InitiativeFunds(jdbc);
    }

    @Bean
    public PartnerReciprocity partnerReciprocity(JdbcTemplate jdbc) {
        return new PartnerReciprocity(jdbc);
    }

    @Bean
    public Memberships memberships(JdbcTemplate jdbc) {
        return new Memberships(jdbc);
    }

    @Bean
    public ExpenseClaims expenseClaims(JdbcTemplate jdbc) {
        return new ExpenseClaims(jdbc);
    }

    @Bean
    public BankReconciliations bankReconciliations(JdbcTemplate jdbc) {
        return new BankReconciliations(jdbc);
    }

    /** The annual report's query over the funds, reciprocity and reconciliation read models (no events of its own). */
    @Bean
    public InitiativeYears initiativeYears(InitiativeFunds funds, PartnerReciprocity reciprocity, BankReconciliations reconciliations) {
        return new InitiativeYears(funds, reciprocity, reconciliations);
    }

    // --- Serialization: Jackson for events, snapshots, tokens and messages; never XStream. ---

    /** Axon's own mapper: strict about unknown fields so a changed event shape needs an upcaster. */
    static ObjectMapper eventMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(eventMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(eventMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(eventMapper()).build();
    }

    // --- Storage: table and column names as created by db/eventstore/V1_0__event_store.sql. ---

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * The store as the journal reads it: each event with its own global index, which for a late
     * event that fills a gap differs from its token's position ({@link EventsWithTheirIndex}).
     * Named in application.yml as the journal processor's {@code source}.
     */
    @Bean
    public EventsWithTheirIndex eventsWithTheirIndex(org.axonframework.eventsourcing.eventstore.EventStore eventStore,
                                                     JdbcTemplate jdbc) {
        return new EventsWithTheirIndex(eventStore, jdbc);
    }

    /**
     * Which storage failures mean "someone else stored this sequence number first": a unique-key
     * violation (SQLSTATE 23505, the same on H2 and PostgreSQL), also inside a batch. Axon then
     * raises a {@link org.axonframework.modelling.command.ConcurrencyException}, which
     * {@link ConflictRetries} sends again. Axon's own resolver missed PostgreSQL's batched form, and the
     * race between two instances came back as a 500.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return LedgerConfiguration::isUniqueKeyViolation;
    }

    static boolean isUniqueKeyViolation(Exception failure) {
        return org.axonframework.common.ExceptionUtils.findException(failure, LedgerConfiguration::violatesAUniqueKey)
                .isPresent();
    }

    /** A unique-key violation itself, or a batch whose chained exceptions hold one. */
    private static boolean violatesAUniqueKey(Throwable failure) {
        if (!(failure instanceof java.sql.SQLException sql)) {
            return false;
        }
        for (java.sql.SQLException next = sql; next != null; next = next.getNextException()) {
            if ("23505".equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** An acknowledged command is on the disk: see {@link DurableCommits} (the embedded database only). */
    @Bean
    public DurableCommits durableCommits(javax.sql.DataSource dataSource) {
        return new DurableCommits(dataSource);
    }

    /** Every Axon transaction, read models' batches and tokens included, durable before it returns (DurableTransactions). */
    @Bean
    public TransactionManager axonTransactionManager(org.springframework.transaction.PlatformTransactionManager transactions,
                                                     DurableCommits durableCommits) {
        return new nl.wederkerig.api.platform.eventstore.DurableTransactions(
                new org.axonframework.spring.messaging.unitofwork.SpringTransactionManager(transactions), durableCommits);
    }

    /**
     * How late an appending transaction may commit ({@code wederkerig.event-store.append-bound}, 5 s:
     * a command takes milliseconds; seconds mean something waits) and how long a tracking processor
     * waits for a gap in the global index to fill ({@code wederkerig.event-store.gap-timeout}, 60 s,
     * Axon's default). An event committed after the gap timeout would never be read by any read model
     * (AxonFramework issue 4829); the application refuses to start unless the gap timeout is at least
     * {@value AppendBound#GAP_TIMEOUT_PER_BOUND} bounds (see {@link AppendBound}).
     */
    @Bean
    public AppendBound appendBound(@Value("${wederkerig.event-store.append-bound:5s}") Duration bound,
                                   @Value("${wederkerig.event-store.gap-timeout:60s}") Duration gapTimeout,
                                   javax.sql.DataSource dataSource) {
        return new AppendBound(bound, gapTimeout, dataSource);
    }

    /**
     * The JDBC engine rather than JPA: no Hibernate at start-up, and faster appends on this
     * hardware (see docs/architecture.md for the figures).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 DurableCommits durableCommits,
                                                 AppendBound appendBound) {
        return JdbcEventStorageEngine.builder()
                .schema(eventSchema)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(EVENT_BATCH_SIZE)
                .gapTimeout(Math.toIntExact(appendBound.gapTimeout().toMillis()))
                .gapCleaningThreshold(GAP_CLEANING_THRESHOLD)
                .maxGapOffset(MAX_GAP_OFFSET)
                // Each event with its hash chained to the one before it, in the same INSERT (docs/architecture.md),
                // committed within the append bound or not at all.
                .appendEvents(new ChainedAppend(durableCommits, appendBound))
                .build();
    }
}
