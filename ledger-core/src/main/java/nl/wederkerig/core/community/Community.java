package nl.wederkerig.core.community;


import nl.wederkerig.core.shared.ActorNotAllowed;
import nl.wederkerig.core.shared.Amounts;
import nl.wederkerig.core.shared.BusinessDates;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.LimitReached;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ProcessedCommands;
import nl.wederkerig.core.shared.SealedText;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A community (wijk): its members, initiatives and partners, who holds which role, the limit on
 * open advances and the valuation of a volunteer hour. Only a coordinator administers it.
 *
 * <p>It is also the register every new record is checked against ({@link CommunityRegister}): only
 * current members, registered partners and registered initiatives may be named.
 */
public class Community {

    /** Most members one community ever registers (those who left count too: their ids stay taken). */
    public static final int MAX_MEMBERS = 5_000;
    public static final int MAX_INITIATIVES = 200;
    public static final int MAX_PARTNERS = 200;
    /** Most roles one member holds at once: treasurer of several initiatives is possible, dozens is a mistake. */
    public static final int MAX_ROLES_PER_MEMBER = 20;
    /** Highest value of one volunteer hour: far above any valuation in use (around €15-€40). */
    public static final Money MAX_HOUR_VALUE = Money.eur("200.00");
    /** Most administrative commands over a community's life; bounds the stream and the state below. */
    public static final int MAX_COMMANDS = 50_000;
    /** Most neighbours one member shares their trust history with at once: a few close neighbours, not the whole wijk. */
    public static final int MAX_SHARES_PER_MEMBER = 100;
    /** Most helpers one member names at once: a neighbour or two who record for someone without a phone. */
    public static final int MAX_HELPERS_PER_MEMBER = 10;

    /** A fixed order for the roles a deregistration ends: by kind, then by scope. */
    private static final Comparator<Role> ROLE_ORDER = Comparator.comparing(Role::kind)
            .thenComparing(role -> role.initiative() == null ? "" : role.initiative().value())
            .thenComparing(role -> role.partner() == null ? "" : role.partner().value());

    @AggregateIdentifier
    private CommunityId communityId;
    private FoundCommunity founding;
    /** Current members: they may be named in new records. */
    private final Set<MemberId> members = new HashSet<>();
    /** Members who left: their ids stay taken, their open records stay, nobody names them in new ones. */
    private final Set<MemberId> formerMembers = new HashSet<>();
    private final Set<InitiativeId> initiatives = new HashSet<>();
    private final Set<PartnerId> partners = new HashSet<>();
    private final Map<MemberId, Set<Role>> roles = new HashMap<>();
    /** Everyone who ever was a coordinator: an approval given while they were one stays valid. */
    private final Set<MemberId> everCoordinators = new HashSet<>();
    /** Per member, the neighbours they consented to show their trust history to. */
    private final Map<MemberId, Set<MemberId>> sharedWith = new HashMap<>();
    /** Per member, the helpers they named: who may record advances and help on their behalf. */
    private final Map<MemberId, Set<MemberId>> helpersOf = new HashMap<>();
    private AdvanceLimit advanceLimit = AdvanceLimit.NONE;
    private LocalDate latestValuationFrom;
    /** Per member with an erasure request waiting for confirmation, the coordinator who recorded it. */
    private final Map<MemberId, MemberId> erasureRequestedBy = new HashMap<>();
    private final Set<MemberId> erased = new HashSet<>();
    /** Members whose payout details are recorded now (the details themselves are sealed; the aggregate needs only who). */
    private final Set<MemberId> withPayoutDetails = new HashSet<>();
    private final ProcessedCommands processed = new ProcessedCommands(MAX_COMMANDS);

    protected Community() {
    }

    // The community id is the client's id for founding: a retry finds it founded and changes nothing.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FoundCommunity command, Clock clock) {
        if (founding != null) {
            if (!founding.equals(command)) {
                throw new CommandIdReused(command.communityId().value());
            }
            return;
        }
        Objects.requireNonNull(command.communityId(), "community is missing");
        Objects.requireNonNull(command.founder(), "founder is missing");
        Objects.requireNonNull(command.actor(), "actor is missing");
        BusinessDates.requireAllowed(command.businessDate(), clock);
        apply(new CommunityFounded(command.communityId(), command.founder(), command.businessDate(), command.actor(),
                clock.instant()));
        if (command.name() != null) {
            apply(new CommunityNamed(command.communityId(), command.name(), command.businessDate(), command.actor(),
                    clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RegisterMember command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCoordinator(command.actor(), command.businessDate(), clock);
        Objects.requireNonNull(command.memberId(), "member is missing");
        // A member id names one person for good: someone who left keeps theirs, and it is not given to another.
        if (members.contains(command.memberId()) || formerMembers.contains(command.memberId())) {
            throw new AlreadyRegistered(command.memberId());
        }
        if (members.size() + formerMembers.size() >= MAX_MEMBERS) {
            throw new LimitReached("members", MAX_MEMBERS);
        }
        apply(new MemberRegistered(communityId, command.commandId(), command.memberId(), command.businessDate(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(DeregisterMember command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCoordinator(command.actor(), command.businessDate(), clock);
        requireCurrentMember(command.memberId());
        Set<Role> held = rolesOf(command.memberId());
        if (held.contains(Role.coordinator()) && coordinatorCount() == 1) {
            throw new LastCoordinator();
        }
        List<Role> ending = new ArrayList<>(held);
        ending.sort(ROLE_ORDER);
        apply(new MemberDeregistered(communityId, command.commandId(), command.memberId(), ending,
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RegisterInitiative command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCoordinator(command.actor(), command.businessDate(), clock);
        Objects.requireNonNull(command.initiativeId(), "initiative is missing");
        Objects.requireNonNull(command.kind(), "kind is missing");
        if (initiatives.contains(command.initiativeId())) {
            throw new AlreadyRegistered(command.initiativeId());
        }
        if (initiatives.size() >= MAX_INITIATIVES) {
            throw new LimitReached("initiatives", MAX_INITIATIVES);
        }
        apply(new InitiativeRegistered(communityId, command.commandId(), command.initiativeId(), command.kind(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RegisterPartner command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCoordinator(command.actor(), command.businessDate(), clock);
        Objects.requireNonNull(command.partnerId(), "partner is missing");
        Objects.requireNonNull(command.kind(), "kind is missing");
        if (partners.contains(command.partnerId())) {
            throw new AlreadyRegistered(command.partnerId());
        }
        if (partners.size() >= MAX_PARTNERS) {
            throw new LimitReached("partners", MAX_PARTNERS);
        }
        apply(new PartnerRegistered(communityId, command.commandId(), command.partnerId(), command.kind(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(AssignRole command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCoordinator(command.actor(), command.businessDate(), clock);
        requireCurrentMember(command.memberId());
        requireScopeRegistered(Objects.requireNonNull(command.role(), "role is missing"));
        Set<Role> held = rolesOf(command.memberId());
        if (held.contains(command.role())) {
            throw new RoleAlreadyHeld(command.memberId(), command.role());
        }
        if (held.size() >= MAX_ROLES_PER_MEMBER) {
            throw new LimitReached("roles per member", MAX_ROLES_PER_MEMBER);
        }
        apply(new RoleAssigned(communityId, command.commandId(), command.memberId(), command.role(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RevokeRole command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCoordinator(command.actor(), command.businessDate(), clock);
        requireCurrentMember(command.memberId());
        Objects.requireNonNull(command.role(), "role is missing");
        if (!rolesOf(command.memberId()).contains(command.role())) {
            throw new RoleNotHeld(command.memberId(), command.role());
        }
        if (command.role().equals(Role.coordinator()) && coordinatorCount() == 1) {
            throw new LastCoordinator();
        }
        apply(new RoleRevoked(communityId, command.commandId(), command.memberId(), command.role(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(SetAdvanceLimit command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCoordinator(command.actor(), command.businessDate(), clock);
        Objects.requireNonNull(command.limit(), "limit is missing");
        apply(new AdvanceLimitSet(communityId, command.commandId(), command.limit(), command.businessDate(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(SetHourValuation command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCoordinator(command.actor(), command.businessDate(), clock);
        Amounts.requirePositiveEur(command.perHour(), MAX_HOUR_VALUE);
        Objects.requireNonNull(command.effectiveFrom(), "effective date is missing");
        // UNSPECIFIED is only what old valuations read as: a new one says how the amount was arrived at.
        if (command.method() == null || command.method() == HourValuationMethod.UNSPECIFIED) {
            throw new IllegalArgumentException("a new hour valuation names its method");
        }
        // A valuation only ever applies from today on, and after the latest one: past statements never change.
        LocalDate earliest = LocalDate.now(clock);
        if (latestValuationFrom != null && !latestValuationFrom.isBefore(earliest)) {
            earliest = latestValuationFrom.plusDays(1);
        }
        if (command.effectiveFrom().isBefore(earliest)) {
            throw new ValuationBackdated(command.effectiveFrom(), earliest);
        }
        apply(new HourValuationSet(communityId, command.commandId(), command.perHour(), command.effectiveFrom(),
                command.method(), command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ShareTrustHistory command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireSharingPair(command.actor(), command.viewer(), command.businessDate(), clock);
        Set<MemberId> viewers = sharedBy(command.actor());
        if (viewers.contains(command.viewer())) {
            throw new AlreadyShared(command.viewer());
        }
        if (viewers.size() >= MAX_SHARES_PER_MEMBER) {
            throw new LimitReached("neighbours a trust history is shared with", MAX_SHARES_PER_MEMBER);
        }
        apply(new TrustHistoryShared(communityId, command.commandId(), command.viewer(), command.businessDate(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(StopSharingTrustHistory command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCurrentMember(Objects.requireNonNull(command.actor(), "actor is missing"));
        // Before the viewer's membership: "not shared" is the answer for a member and a stranger
        // alike, so withdrawing cannot be used to test which ids are members (and a viewer who
        // left can still be withdrawn from).
        if (!sharedBy(command.actor()).contains(Objects.requireNonNull(command.viewer(), "viewer is missing"))) {
            throw new NotShared(command.viewer());
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        apply(new TrustHistorySharingStopped(communityId, command.commandId(), command.viewer(), command.businessDate(),
                command.actor(), clock.instant()));
    }

    // --- Consent to be represented: a neighbour without a phone names who may record for them ---

    @CommandHandler
    public void handle(NameHelper command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCurrentMember(Objects.requireNonNull(command.actor(), "actor is missing"));
        requireCurrentMember(command.helper());
        if (command.actor().equals(command.helper())) {
            throw new SelfHelper();
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        Set<MemberId> helpers = helpersOf(command.actor());
        if (helpers.contains(command.helper())) {
            throw new AlreadyHelper(command.helper());
        }
        if (helpers.size() >= MAX_HELPERS_PER_MEMBER) {
            throw new LimitReached("helpers one neighbour names", MAX_HELPERS_PER_MEMBER);
        }
        apply(new HelperNamed(communityId, command.commandId(), command.helper(), command.businessDate(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(WithdrawHelper command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCurrentMember(Objects.requireNonNull(command.actor(), "actor is missing"));
        // Before the helper's membership, as for trust history: "not a helper" answers a member and a
        // stranger alike, so withdrawing cannot be used to test which ids are members.
        if (!helpersOf(command.actor()).contains(Objects.requireNonNull(command.helper(), "helper is missing"))) {
            throw new NotAHelper(command.helper());
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        apply(new HelperWithdrawn(communityId, command.commandId(), command.helper(), command.businessDate(),
                command.actor(), clock.instant()));
    }

    /**
     * {@code actor} may record for {@code represented}: they are the same current member, or the
     * actor coordinates the community, or the represented member named the actor as their helper.
     * Anyone else is refused as an actor ({@link ActorNotAllowed}, 403), whether or not the
     * represented id exists, so the refusal reveals nothing about other neighbours.
     */
    public void requireMayActFor(MemberId actor, MemberId represented) {
        Objects.requireNonNull(actor, "actor is missing");
        Objects.requireNonNull(represented, "represented member is missing");
        boolean allowed = actor.equals(represented) || isCoordinator(actor)
                || helpersOf(represented).contains(actor);
        if (!allowed || !members.contains(actor)) {
            throw new ActorNotAllowed(actor, "record on behalf of " + represented);
        }
        requireCurrentMember(represented);
    }

    /** The members who named {@code helper} as their helper: whom a helper may record for. */
    public Set<MemberId> representedBy(MemberId helper) {
        Set<MemberId> represented = new HashSet<>();
        helpersOf.forEach((member, helpers) -> {
            if (helpers.contains(helper)) {
                represented.add(member);
            }
        });
        return Set.copyOf(represented);
    }

    private Set<MemberId> helpersOf(MemberId member) {
        return helpersOf.getOrDefault(member, Set.of());
    }

    // --- Payout details: where neighbours who owe a member pay them back (sealed, the member's own) ---

    @CommandHandler
    public void handle(RecordPayoutDetails command, Clock clock) {
        if (processed.isRepeat(command.commandId(), PayoutRetryForm.of(command))) {
            return;
        }
        MemberId actor = Objects.requireNonNull(command.actor(), "actor is missing");
        requireCurrentMember(actor);
        // Personal data of an erased member is never kept again (their key is gone for good).
        if (erased.contains(actor)) {
            throw new AlreadyErased(actor);
        }
        requireSealedFor(actor, Objects.requireNonNull(command.iban(), "iban is missing"));
        requireSealedFor(actor, Objects.requireNonNull(command.accountHolder(), "account holder is missing"));
        if (command.paymentLink() != null) {
            requireSealedFor(actor, command.paymentLink());
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        apply(new PayoutDetailsRecorded(communityId, command.commandId(), command.iban(), command.accountHolder(),
                command.paymentLink(), command.businessDate(), actor, clock.instant()));
    }

    @CommandHandler
    public void handle(RemovePayoutDetails command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        MemberId actor = Objects.requireNonNull(command.actor(), "actor is missing");
        requireEverMember(actor);
        if (!withPayoutDetails.contains(actor)) {
            throw new NoPayoutDetails(actor);
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        apply(new PayoutDetailsRemoved(communityId, command.commandId(), command.businessDate(), actor, clock.instant()));
    }

    /**
     * What makes two {@link RecordPayoutDetails} the same command. Sealing is randomised (AES-GCM),
     * so a retry that seals the same details again carries other ciphertext: it must still count as
     * the repeat it is. The clear text cannot be compared here, so a command id used again by the
     * same member on the same day, with or without a link alike, is taken as that repeat.
     */
    private record PayoutRetryForm(CommunityId communityId, CommandId commandId, String keyId, boolean withLink,
                                   LocalDate businessDate, MemberId actor) {

        static PayoutRetryForm of(RecordPayoutDetails command) {
            return new PayoutRetryForm(command.communityId(), command.commandId(),
                    command.iban() == null ? null : command.iban().keyId(), command.paymentLink() != null,
                    command.businessDate(), command.actor());
        }
    }

    /**
     * Sealed with the actor's own key, so erasing them erases it: a detail sealed with someone
     * else's key would outlive the member's erasure. A caller's mistake, not a neighbour's.
     */
    private static void requireSealedFor(MemberId actor, SealedText sealed) {
        if (!sealed.keyId().equals(actor.value())) {
            throw new IllegalArgumentException("payout details must be sealed with the member's own key");
        }
    }

    // --- Erasure of a member's personal data (GDPR art. 17): recorded by a coordinator, confirmed by another person ---

    @CommandHandler
    public void handle(RequestErasure command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireCoordinator(command.actor(), command.businessDate(), clock);
        requireEverMember(command.memberId());
        if (erased.contains(command.memberId())) {
            throw new AlreadyErased(command.memberId());
        }
        if (erasureRequestedBy.containsKey(command.memberId())) {
            throw new ErasureAlreadyRequested(command.memberId());
        }
        apply(new ErasureRequested(communityId, command.commandId(), command.memberId(), command.businessDate(),
                command.actor(), clock.instant()));
    }

    /**
     * Four eyes: the member themselves, or a coordinator other than the one who recorded the
     * request. Nobody erases a neighbour's data on their own.
     */
    @CommandHandler
    public void handle(ConfirmErasure command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        MemberId actor = Objects.requireNonNull(command.actor(), "actor is missing");
        requireEverMember(command.memberId());
        BusinessDates.requireAllowed(command.businessDate(), clock);
        if (erased.contains(command.memberId())) {
            throw new AlreadyErased(command.memberId());
        }
        MemberId requester = erasureRequestedBy.get(command.memberId());
        if (requester == null) {
            throw new NoErasureRequested(command.memberId());
        }
        boolean theMember = actor.equals(command.memberId());
        if (!theMember && actor.equals(requester)) {
            throw new ErasureNeedsSecondPerson(actor);
        }
        if (!theMember && !rolesOf(actor).contains(Role.coordinator())) {
            throw new ActorNotAllowed(actor, "confirm the erasure of " + command.memberId());
        }
        apply(new ErasureConfirmed(communityId, command.commandId(), command.memberId(), requester,
                command.businessDate(), actor, clock.instant()));
    }

    /** The limit on open advances in force now: read by {@link nl.wederkerig.core.advances.AdvanceLimitGuard} in the same unit of work. */
    public AdvanceLimit advanceLimit() {
        return advanceLimit;
    }

    /** Whether the member coordinates the community now: read by guards in the same unit of work. */
    public boolean isCoordinator(MemberId member) {
        return rolesOf(member).contains(Role.coordinator());
    }

    /** Whether the member coordinates the community now or did before (their approvals then stay valid). */
    public boolean isOrWasCoordinator(MemberId member) {
        return everCoordinators.contains(member);
    }

    private void requireCoordinator(MemberId actor, LocalDate businessDate, Clock clock) {
        Objects.requireNonNull(actor, "actor is missing");
        if (!rolesOf(actor).contains(Role.coordinator())) {
            throw new CoordinatorOnly(actor);
        }
        BusinessDates.requireAllowed(businessDate, clock);
    }

    /** Consent is the actor's own: both they and the viewer are members, and they are two people. */
    private void requireSharingPair(MemberId actor, MemberId viewer, LocalDate businessDate, Clock clock) {
        requireCurrentMember(Objects.requireNonNull(actor, "actor is missing"));
        requireCurrentMember(viewer);
        if (actor.equals(viewer)) {
            throw new SelfSharing();
        }
        BusinessDates.requireAllowed(businessDate, clock);
    }

    private Set<MemberId> sharedBy(MemberId member) {
        return sharedWith.getOrDefault(member, Set.of());
    }

    /**
     * {@code member} is a current member: registered and not left. Asked by {@link CommunityRegister}
     * for every member a new record names; a former member is as unknown as someone never registered.
     */
    public void requireCurrentMember(MemberId member) {
        Objects.requireNonNull(member, "member is missing");
        if (!members.contains(member)) {
            throw new UnknownMember(member);
        }
    }

    /** {@code member} is or was a member: one who left may still ask that their personal data be erased. */
    private void requireEverMember(MemberId member) {
        Objects.requireNonNull(member, "member is missing");
        if (!members.contains(member) && !formerMembers.contains(member)) {
            throw new UnknownMember(member);
        }
    }

    /** {@code partner} is registered in this community. */
    public void requirePartner(PartnerId partner) {
        Objects.requireNonNull(partner, "partner is missing");
        if (!partners.contains(partner)) {
            throw new UnknownPartner(partner);
        }
    }

    /** {@code initiative} is registered in this community. */
    public void requireInitiative(InitiativeId initiative) {
        Objects.requireNonNull(initiative, "initiative is missing");
        if (!initiatives.contains(initiative)) {
            throw new UnknownInitiative(initiative);
        }
    }

    private void requireScopeRegistered(Role role) {
        if (role.initiative() != null) {
            requireInitiative(role.initiative());
        }
        if (role.partner() != null) {
            requirePartner(role.partner());
        }
    }

    private Set<Role> rolesOf(MemberId member) {
        return roles.getOrDefault(member, Set.of());
    }

    private long coordinatorCount() {
        return roles.values().stream().filter(held -> held.contains(Role.coordinator())).count();
    }

    @EventSourcingHandler
    void on(CommunityFounded event) {
        communityId = event.communityId();
        founding = new FoundCommunity(event.communityId(), null, event.founder(), event.businessDate(), event.actor());
        members.add(event.founder());
        roles.computeIfAbsent(event.founder(), m -> new HashSet<>()).add(Role.neighbour());
        roles.get(event.founder()).add(Role.coordinator());
        everCoordinators.add(event.founder());
    }

    @EventSourcingHandler
    void on(CommunityNamed event) {
        // Only founding names a community so far, so this is the founding's name: a retry must carry it
        // too. A later renaming command would have to keep the founding's name apart from the current one.
        if (founding != null && founding.name() == null) {
            founding = new FoundCommunity(founding.communityId(), event.name(), founding.founder(),
                    founding.businessDate(), founding.actor());
        }
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        members.add(event.memberId());
        roles.computeIfAbsent(event.memberId(), m -> new HashSet<>()).add(Role.neighbour());
        processed.remember(event.commandId(), new RegisterMember(communityId, event.commandId(), event.memberId(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(MemberDeregistered event) {
        MemberId member = event.memberId();
        members.remove(member);
        formerMembers.add(member);
        roles.remove(member);
        sharedWith.remove(member);
        sharedWith.values().forEach(viewers -> viewers.remove(member));
        // Consent ends with membership, both ways: nobody records for or as someone who left.
        helpersOf.remove(member);
        helpersOf.values().forEach(helpers -> helpers.remove(member));
        assert coordinatorCount() >= 1 : "a community always keeps a coordinator";
        processed.remember(event.commandId(), new DeregisterMember(communityId, event.commandId(), member,
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(InitiativeRegistered event) {
        initiatives.add(event.initiativeId());
        processed.remember(event.commandId(), new RegisterInitiative(communityId, event.commandId(),
                event.initiativeId(), event.kind(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(PartnerRegistered event) {
        partners.add(event.partnerId());
        processed.remember(event.commandId(), new RegisterPartner(communityId, event.commandId(),
                event.partnerId(), event.kind(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(RoleAssigned event) {
        roles.computeIfAbsent(event.memberId(), m -> new HashSet<>()).add(event.role());
        if (event.role().equals(Role.coordinator())) {
            everCoordinators.add(event.memberId());
        }
        processed.remember(event.commandId(), new AssignRole(communityId, event.commandId(), event.memberId(),
                event.role(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        rolesOf(event.memberId()).remove(event.role());
        assert coordinatorCount() >= 1 : "a community always keeps a coordinator";
        processed.remember(event.commandId(), new RevokeRole(communityId, event.commandId(), event.memberId(),
                event.role(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(AdvanceLimitSet event) {
        advanceLimit = event.limit();
        processed.remember(event.commandId(), new SetAdvanceLimit(communityId, event.commandId(), event.limit(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(HourValuationSet event) {
        latestValuationFrom = event.effectiveFrom();
        processed.remember(event.commandId(), new SetHourValuation(communityId, event.commandId(), event.perHour(),
                event.effectiveFrom(), event.method(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(TrustHistoryShared event) {
        sharedWith.computeIfAbsent(event.actor(), m -> new HashSet<>()).add(event.viewer());
        assert sharedBy(event.actor()).size() <= MAX_SHARES_PER_MEMBER : "sharing stays within its limit";
        processed.remember(event.commandId(), new ShareTrustHistory(communityId, event.commandId(), event.viewer(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(TrustHistorySharingStopped event) {
        sharedBy(event.actor()).remove(event.viewer());
        processed.remember(event.commandId(), new StopSharingTrustHistory(communityId, event.commandId(), event.viewer(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(HelperNamed event) {
        helpersOf.computeIfAbsent(event.actor(), m -> new HashSet<>()).add(event.helper());
        assert helpersOf(event.actor()).size() <= MAX_HELPERS_PER_MEMBER : "helpers stay within their limit";
        processed.remember(event.commandId(), new NameHelper(communityId, event.commandId(), event.helper(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(HelperWithdrawn event) {
        helpersOf(event.actor()).remove(event.helper());
        processed.remember(event.commandId(), new WithdrawHelper(communityId, event.commandId(), event.helper(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(ErasureRequested event) {
        erasureRequestedBy.put(event.memberId(), event.actor());
        processed.remember(event.commandId(), new RequestErasure(communityId, event.commandId(), event.memberId(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(ErasureConfirmed event) {
        erasureRequestedBy.remove(event.memberId());
        erased.add(event.memberId());
        assert !erasureRequestedBy.containsKey(event.memberId()) : "an erased member has no request waiting";
        processed.remember(event.commandId(), new ConfirmErasure(communityId, event.commandId(), event.memberId(),
                event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(PayoutDetailsRecorded event) {
        withPayoutDetails.add(event.actor());
        processed.remember(event.commandId(), PayoutRetryForm.of(new RecordPayoutDetails(communityId, event.commandId(),
                event.iban(), event.accountHolder(), event.paymentLink(), event.businessDate(), event.actor())));
    }

    @EventSourcingHandler
    void on(PayoutDetailsRemoved event) {
        withPayoutDetails.remove(event.actor());
        processed.remember(event.commandId(), new RemovePayoutDetails(communityId, event.commandId(),
                event.businessDate(), event.actor()));
    }
}
