package nl.wederkerig.api.support;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.FoundCommunity;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.RegisterInitiative;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.community.RegisterPartner;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.community.Memberships;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;

import static org.awaitility.Awaitility.await;

/**
 * A community of a test's own, founded by a coordinator who can log in. Tests that change roles,
 * limits or valuations use one, so they never meet another test's data. Members, initiatives and
 * partners are recorded through the domain's commands; each helper waits until the read models the
 * API checks (roles for {@code Access}, funds, reciprocity) and the fund's copy of a treasurer role
 * have caught up.
 */
public final class OwnCommunity {

    static final Duration CATCH_UP = Duration.ofSeconds(15);

    public final CommunityId id;
    public final MemberId coordinator;
    private final CommandGateway commands;
    private final LoginStore accounts;
    private final JdbcTemplate jdbc;
    /** Queries only, over the table the application's own instance keeps up to date. */
    private final Memberships memberships;
    private final LocalDate registeredOn = LocalDate.now(LedgerTime.ZONE).minusDays(20);

    private OwnCommunity(CommunityId id, MemberId coordinator, CommandGateway commands, LoginStore accounts, JdbcTemplate jdbc) {
        this.id = id;
        this.coordinator = coordinator;
        this.commands = commands;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.memberships = new Memberships(jdbc);
    }

    public static OwnCommunity found(CommandGateway commands, LoginStore accounts, JdbcTemplate jdbc, String prefix) {
        return found(commands, accounts, jdbc, prefix, null);
    }

    /** {@link #found}, with the name people know the wijk by (null: none). */
    public static OwnCommunity found(CommandGateway commands, LoginStore accounts, JdbcTemplate jdbc, String prefix,
                                     nl.wederkerig.core.community.CommunityName name) {
        CommunityId community = CommunityId.of(Neighbours.unique(prefix));
        MemberId coordinator = Neighbours.register(accounts, community, "coord");
        commands.sendAndWait(new FoundCommunity(community, name, coordinator, LocalDate.now(LedgerTime.ZONE).minusDays(30),
                coordinator));
        OwnCommunity founded = new OwnCommunity(community, coordinator, commands, accounts, jdbc);
        await().atMost(CATCH_UP).until(() -> founded.memberships.holds(community, coordinator, Role.coordinator()));
        return founded;
    }

    /** A neighbour with a login, registered in the community. */
    public MemberId member(String prefix) {
        MemberId member = memberNoReadModelHasSeen(prefix);
        await().atMost(CATCH_UP).until(() -> memberships.holds(id, member, Role.neighbour()));
        return member;
    }

    /**
     * {@link #member}, without waiting for the read models: for a test that holds a processor still
     * and needs an event it has not seen.
     */
    public MemberId memberNoReadModelHasSeen(String prefix) {
        MemberId member = Neighbours.register(accounts, id, prefix);
        commands.sendAndWait(new RegisterMember(id, CommandId.of("m-" + member), member, registeredOn, coordinator));
        return member;
    }

    /** A registered initiative (shared meals) whose fund is open and known to the funds read model. */
    public InitiativeId initiative(String prefix) {
        return initiative(prefix, InitiativeKind.SHARED_MEALS);
    }

    /** {@link #initiative(String)}, of another kind. */
    public InitiativeId initiative(String prefix, InitiativeKind kind) {
        InitiativeId initiative = InitiativeId.of(Neighbours.unique(prefix));
        commands.sendAndWait(new RegisterInitiative(id, CommandId.of("i-" + initiative), initiative, kind,
                registeredOn, coordinator));
        await().atMost(CATCH_UP).until(() -> count("SELECT COUNT(*) FROM fund_initiative WHERE initiative_id = ?",
                initiative.value()) == 1 && events(initiative.value(), "nl.wederkerig.core.funds.FundOpened") == 1);
        return initiative;
    }

    /** A registered partner known to the reciprocity read model. */
    public PartnerId partner(String prefix) {
        PartnerId partner = PartnerId.of(Neighbours.unique(prefix));
        commands.sendAndWait(new RegisterPartner(id, CommandId.of("p-" + partner), partner, PartnerKind.CARE_ORGANISATION,
                registeredOn, coordinator));
        await().atMost(CATCH_UP).until(() -> count("SELECT COUNT(*) FROM reciprocity_partner WHERE partner_id = ?",
                partner.value()) == 1);
        return partner;
    }

    /**
     * Gives {@code member} a role that no fund follows (a partner's representative, a coordinator)
     * and waits until the API sees it. For a treasurer use {@link #treasurer}.
     */
    public void role(MemberId member, Role role) {
        commands.sendAndWait(new AssignRole(id, CommandId.of(Neighbours.unique("r")), member, role, registeredOn, coordinator));
        await().atMost(CATCH_UP).until(() -> memberships.holds(id, member, role));
    }

    /** The day the helpers register members, initiatives and partners on (twenty days ago). */
    public LocalDate registeredOn() {
        return registeredOn;
    }

    /** Makes {@code member} a representative of {@code partner} and waits until the API sees it. */
    public void representative(MemberId member, PartnerId partner) {
        commands.sendAndWait(new AssignRole(id, CommandId.of(Neighbours.unique("r")), member, Role.representativeOf(partner),
                registeredOn, coordinator));
        await().atMost(CATCH_UP).until(() -> memberships.holds(id, member, Role.representativeOf(partner)));
    }

    /** Makes {@code member} a treasurer of {@code initiative} and waits until the API and the fund both see it. */
    public void treasurer(MemberId member, InitiativeId initiative) {
        long before = events(initiative.value(), "nl.wederkerig.core.funds.TreasurerAppointed");
        commands.sendAndWait(new AssignRole(id, CommandId.of(Neighbours.unique("t")), member, Role.treasurerOf(initiative),
                registeredOn, coordinator));
        await().atMost(CATCH_UP).until(() -> events(initiative.value(), "nl.wederkerig.core.funds.TreasurerAppointed") > before
                && memberships.holds(id, member, Role.treasurerOf(initiative)));
    }

    /** Events stored for one aggregate; a refused command must leave this unchanged. */
    public long events(String aggregate) {
        return count("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", aggregate);
    }

    public long events(String aggregate, String payloadType) {
        return count("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                aggregate, payloadType);
    }

    private long count(String sql, Object... arguments) {
        Long rows = jdbc.queryForObject(sql, Long.class, arguments);
        return rows == null ? 0 : rows;
    }
}
