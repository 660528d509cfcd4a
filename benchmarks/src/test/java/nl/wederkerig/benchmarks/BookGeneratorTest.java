package nl.wederkerig.benchmarks;

import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimSubmitted;
import nl.wederkerig.core.community.Community;
import nl.wederkerig.core.community.InitiativeRegistered;
import nl.wederkerig.core.community.MemberRegistered;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.community.RoleAssigned;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.funds.Fund;
import nl.wederkerig.core.funds.FundInsufficient;
import nl.wederkerig.core.funds.FundMoneyEvent;
import nl.wederkerig.core.funds.FundPolicy;
import nl.wederkerig.core.funds.RecordExpense;
import nl.wederkerig.core.funds.TreasurerAppointed;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.PartnerAccount;
import nl.wederkerig.core.reciprocity.RecordHoursDrawn;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import org.axonframework.eventhandling.DomainEventMessage;
import nl.wederkerig.core.community.CommunityRegister;
import nl.wederkerig.core.shared.KnownParties;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated book must be one the domain could have written: each aggregate's stream, handed to
 * that aggregate, is accepted and leaves it in a state that takes further commands; the money adds
 * up from the events alone; the policies that react to community events would find nothing to do.
 */
class BookGeneratorTest {

    /** A day after the book's last business date, in the ledger's zone. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    static final LocalDate TODAY = LocalDate.now(CLOCK);

    /** Two communities, so the second one's founding follows the first one's last step. */
    static final long EVENTS = 2L * (2 * BookGenerator.ADVANCES_PER_COMMUNITY) + 1;

    static List<DomainEventMessage<?>> book;
    static Map<String, List<DomainEventMessage<?>>> streams;

    @BeforeAll
    static void generate() {
        book = new ArrayList<>();
        new BookGenerator(book::addAll).appendUntil(0, EVENTS);
        streams = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : book) {
            streams.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>()).add(event);
        }
    }

    @Test
    void aboutOneEventInNineIsAFundOrPartnerEventAndSequencesRunOnPerAggregate() {
        long advanceEvents = book.stream().filter(e -> e.getPayload() instanceof AdvanceMade
                || e.getPayload() instanceof AdvanceReimbursed).count();
        double otherShare = 1 - (double) advanceEvents / book.size();
        assertThat(otherShare).isBetween(0.10, 0.15);
        assertThat(book.size()).isGreaterThanOrEqualTo((int) EVENTS);
        streams.values().forEach(stream -> {
            for (int i = 0; i < stream.size(); i++) {
                assertThat(stream.get(i).getSequenceNumber()).isEqualTo(i);
                assertThat(stream.get(i).getType()).isEqualTo(stream.get(0).getType());
            }
        });
    }

    @Test
    void everyFundTakesItsStreamNeverHeldLessThanNothingAndHoldsWhatItsEventsSay() {
        List<String> funds = aggregatesOfType("Fund");
        assertThat(funds).hasSize(4);
        for (String fund : funds) {
            List<Object> events = payloads(fund);
            Map<Channel, Long> cents = new EnumMap<>(Map.of(Channel.BANK, 0L, Channel.CASH_BOX, 0L));
            for (Object event : events) {
                if (event instanceof FundMoneyEvent money) {
                    for (Channel channel : Channel.values()) {
                        cents.merge(channel, money.changeOf(channel).cents(), Long::sum);
                        assertThat(cents.get(channel)).as("%s after %s", channel, event).isNotNegative();
                    }
                }
            }
            assertThat(events).anyMatch(ExpensePaid.class::isInstance).anyMatch(ClaimPaid.class::isInstance);
            MemberId treasurer = events.stream().filter(TreasurerAppointed.class::isInstance)
                    .map(e -> ((TreasurerAppointed) e).member()).findFirst().orElseThrow();
            InitiativeId initiative = InitiativeId.of(fund);
            Money bank = Money.ofCents(cents.get(Channel.BANK), Money.EUR);

            // The aggregate agrees on the balance: all of it can be spent, a cent more cannot.
            fundFixture().given(events)
                    .when(new RecordExpense(initiative, CommandId.of("test-all"), bank, ExpenseCategory.OTHER,
                            ReceiptReference.of("test"), Channel.BANK, TODAY, treasurer))
                    .expectSuccessfulHandlerExecution();
            fundFixture().given(events)
                    .when(new RecordExpense(initiative, CommandId.of("test-more"), bank.plus(Money.ofCents(1, Money.EUR)),
                            ExpenseCategory.OTHER, ReceiptReference.of("test"), Channel.BANK, TODAY, treasurer))
                    .expectException(FundInsufficient.class);
        }
    }

    @Test
    void fundPolicyFindsEveryFundOpenAndEveryTreasurerAppointedAlready() {
        for (DomainEventMessage<?> event : book) {
            if (event.getPayload() instanceof InitiativeRegistered registered) {
                fundFixture().given(payloads(registered.initiativeId().value()))
                        .when(FundPolicy.commandFor(registered)).expectNoEvents();
            }
            if (event.getPayload() instanceof RoleAssigned assigned) {
                fundFixture().given(payloads(assigned.role().initiative().value()))
                        .when(FundPolicy.commandFor(assigned).orElseThrow()).expectNoEvents();
            }
        }
    }

    @Test
    void theClaimANeighbourLooksUpIsOneTheBookHolds() {
        for (int fund = 0; fund < 2; fund++) {
            assertThat(streams).containsKey(BookGenerator.firstClaim(0, fund).value());
        }
    }

    @Test
    void claimsAreApprovedByTheirTreasurerNeverTheClaimantAndPaidOnceAtTheApprovedAmount() {
        Map<InitiativeId, MemberId> treasurers = new HashMap<>();
        Map<String, ClaimApproved> approved = new HashMap<>();
        Set<String> paid = new HashSet<>();
        for (DomainEventMessage<?> event : book) {
            Object payload = event.getPayload();
            if (payload instanceof TreasurerAppointed appointed) {
                treasurers.put(appointed.initiativeId(), appointed.member());
            } else if (payload instanceof ClaimSubmitted submitted) {
                assertThat(submitted.actor()).isEqualTo(submitted.claimant());
                assertThat(treasurers.values()).doesNotContain(submitted.claimant());
            } else if (payload instanceof ClaimApproved approval) {
                assertThat(approval.actor()).isEqualTo(treasurers.get(approval.initiativeId())).isNotEqualTo(approval.claimant());
                approved.put(approval.claimId().value(), approval);
            } else if (payload instanceof ClaimPaid payment) {
                ClaimApproved approval = approved.get(payment.claimId().value());
                assertThat(approval).isNotNull();
                assertThat(payment.amount()).isEqualTo(approval.amount());
                assertThat(payment.approvedBy()).isEqualTo(approval.actor());
                assertThat(paid.add(payment.claimId().value())).isTrue();
            }
        }
        assertThat(paid).isNotEmpty().hasSizeLessThan(approved.size());
    }

    @Test
    void partnerAccountsAndCommunitiesTakeTheirStreamsAndFurtherCommands() {
        for (String partner : aggregatesOfType("PartnerAccount")) {
            HoursDrawn first = (HoursDrawn) payloads(partner).stream().filter(HoursDrawn.class::isInstance).findFirst().orElseThrow();
            FixtureConfiguration<PartnerAccount> fixture = new AggregateTestFixture<>(PartnerAccount.class);
            fixture.registerInjectableResource(CLOCK);
            // A new entry names a partner, an initiative and a recorder the generated community must know.
            fixture.registerInjectableResource(registerOf(first.communityId().value()));
            fixture.given(payloads(partner))
                    .when(new RecordHoursDrawn(first.partnerId(), CommandId.of("test-hours"), first.communityId(),
                            first.initiativeId(), Hours.ofMinutes(30), TODAY, first.actor()))
                    .expectSuccessfulHandlerExecution();
        }
        List<String> communities = aggregatesOfType("Community");
        assertThat(communities).hasSize(2);
        for (String community : communities) {
            MemberRegistered registered = (MemberRegistered) payloads(community).stream()
                    .filter(MemberRegistered.class::isInstance).findFirst().orElseThrow();
            FixtureConfiguration<Community> fixture = new AggregateTestFixture<>(Community.class);
            fixture.registerInjectableResource(CLOCK);
            fixture.given(payloads(community))
                    .when(new RegisterMember(registered.communityId(), CommandId.of("test-member"), MemberId.of("test-new"),
                            TODAY, registered.actor()))
                    .expectSuccessfulHandlerExecution();
        }
    }

    private static FixtureConfiguration<Fund> fundFixture() {
        FixtureConfiguration<Fund> fixture = new AggregateTestFixture<>(Fund.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    /** The real community register over the generated community's own stream. */
    private static KnownParties registerOf(String community) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        streams.get(community).forEach(store::publish);
        EventSourcingRepository<Community> repository = EventSourcingRepository.builder(Community.class).eventStore(store)
                .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(Community.class,
                        MultiParameterResolverFactory.ordered(new SimpleResourceParameterResolverFactory(List.of(CLOCK)),
                                ClasspathParameterResolverFactory.forClass(Community.class))))
                .build();
        return new CommunityRegister(() -> repository);
    }

    private static List<String> aggregatesOfType(String type) {
        return streams.entrySet().stream().filter(stream -> stream.getValue().get(0).getType().equals(type))
                .map(Map.Entry::getKey).toList();
    }

    private static List<Object> payloads(String aggregate) {
        return streams.get(aggregate).stream().<Object>map(DomainEventMessage::getPayload).toList();
    }
}
