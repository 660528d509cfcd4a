package nl.wederkerig.projections.community;

import nl.wederkerig.core.community.CommunityFounded;
import nl.wederkerig.core.community.HelperNamed;
import nl.wederkerig.core.community.HelperWithdrawn;
import nl.wederkerig.core.community.MemberDeregistered;
import nl.wederkerig.core.community.MemberRegistered;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.RoleAssigned;
import nl.wederkerig.core.community.RoleRevoked;
import nl.wederkerig.core.community.TrustHistoryShared;
import nl.wederkerig.core.community.TrustHistorySharingStopped;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipsTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final CommunityId NORTH = CommunityId.of("rotterdam-noord");
    static final MemberId FEMKE = MemberId.of("femke");
    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final InitiativeId HELP = InitiativeId.of("buurthulp");
    static final PartnerId CARE = PartnerId.of("zorg-west");
    static final LocalDate DAY = LocalDate.parse("2026-10-01");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    Memberships memberships;
    GivenEvents events;

    @BeforeEach
    void setUp() {
        JdbcTemplate jdbc = ReadModelDatabase.fresh();
        memberships = new Memberships(jdbc);
        events = GivenEvents.into(memberships);
        events.given(new CommunityFounded(WEST, FEMKE, DAY, FEMKE, AT),
                new MemberRegistered(WEST, id("m-amina"), AMINA, DAY, FEMKE, AT),
                new MemberRegistered(WEST, id("m-bram"), BRAM, DAY, FEMKE, AT));
    }

    static CommandId id(String value) {
        return CommandId.of(value);
    }

    @Test
    void theFounderCoordinatesAndEveryMemberIsANeighbour() {
        assertThat(memberships.rolesOf(WEST, FEMKE)).containsExactlyInAnyOrder(Role.neighbour(), Role.coordinator());
        assertThat(memberships.rolesOf(WEST, AMINA)).containsExactly(Role.neighbour());
        assertThat(memberships.rolesOf(NORTH, AMINA)).isEmpty();
    }

    @Test
    void scopedRolesAreHeldForTheirOwnInitiativeOrPartnerOnly() {
        events.given(new RoleAssigned(WEST, id("r1"), AMINA, Role.treasurerOf(MEALS), DAY, FEMKE, AT),
                new RoleAssigned(WEST, id("r2"), BRAM, Role.representativeOf(CARE), DAY, FEMKE, AT));

        assertThat(memberships.holds(WEST, AMINA, Role.treasurerOf(MEALS))).isTrue();
        assertThat(memberships.holds(WEST, AMINA, Role.treasurerOf(HELP))).isFalse();
        assertThat(memberships.holds(NORTH, AMINA, Role.treasurerOf(MEALS))).isFalse();
        assertThat(memberships.holds(WEST, BRAM, Role.representativeOf(CARE))).isTrue();
        assertThat(memberships.rolesOf(WEST, AMINA)).containsExactlyInAnyOrder(Role.neighbour(), Role.treasurerOf(MEALS));
    }

    @Test
    void aRevokedRoleIsGone() {
        events.given(new RoleAssigned(WEST, id("r1"), AMINA, Role.treasurerOf(MEALS), DAY, FEMKE, AT),
                new RoleAssigned(WEST, id("r2"), AMINA, Role.treasurerOf(HELP), DAY, FEMKE, AT),
                new RoleRevoked(WEST, id("r3"), AMINA, Role.treasurerOf(MEALS), DAY, FEMKE, AT));

        assertThat(memberships.rolesOf(WEST, AMINA)).containsExactlyInAnyOrder(Role.neighbour(), Role.treasurerOf(HELP));
    }

    @Test
    void revokingARoleNeverHeldStopsProcessing() {
        // The aggregate never emits this; if it appears the read model is out of step and must not guess.
        assertThatThrownBy(() -> events.given(new RoleRevoked(WEST, id("r3"), AMINA, Role.treasurerOf(MEALS), DAY, FEMKE, AT)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void consentIsOneWayAndCanBeWithdrawn() {
        events.given(new TrustHistoryShared(WEST, id("s1"), BRAM, DAY, AMINA, AT));

        assertThat(memberships.sharesTrustHistory(WEST, AMINA, BRAM)).isTrue();
        assertThat(memberships.sharesTrustHistory(WEST, BRAM, AMINA)).isFalse();
        assertThat(memberships.sharesTrustHistory(NORTH, AMINA, BRAM)).isFalse();
        assertThat(memberships.viewersOf(WEST, AMINA)).containsExactly(BRAM);
        assertThat(memberships.sharingWith(WEST, BRAM)).containsExactly(AMINA);

        events.given(new TrustHistorySharingStopped(WEST, id("s2"), BRAM, DAY, AMINA, AT));

        assertThat(memberships.sharesTrustHistory(WEST, AMINA, BRAM)).isFalse();
        assertThat(memberships.viewersOf(WEST, AMINA)).isEmpty();
    }

    @Test
    void theCoordinatorLooksUpAMemberWithTheirRolesAndSinceWhen() {
        events.given(new RoleAssigned(WEST, id("r1"), AMINA, Role.treasurerOf(MEALS), DAY.plusDays(1), FEMKE, AT));

        assertThat(memberships.member(WEST, AMINA)).contains(
                new MemberView(AMINA, DAY, null, List.of(Role.neighbour(), Role.treasurerOf(MEALS))));
        assertThat(memberships.member(WEST, FEMKE).orElseThrow().roles()).containsExactly(Role.neighbour(), Role.coordinator());
        assertThat(memberships.member(NORTH, AMINA)).isEmpty();
        assertThat(memberships.member(WEST, MemberId.of("nobody"))).isEmpty();
        assertThat(memberships.members(WEST)).extracting(MemberView::memberId).containsExactly(AMINA, BRAM, FEMKE);
    }

    @Test
    void aMemberWhoLeftKeepsTheirRowWithTheDateButHoldsNoRoleAndNoConsent() {
        events.given(new RoleAssigned(WEST, id("r1"), AMINA, Role.treasurerOf(MEALS), DAY, FEMKE, AT),
                new TrustHistoryShared(WEST, id("s1"), BRAM, DAY, AMINA, AT),
                new TrustHistoryShared(WEST, id("s2"), AMINA, DAY, BRAM, AT),
                new MemberDeregistered(WEST, id("bye"), AMINA, List.of(Role.neighbour(), Role.treasurerOf(MEALS)), DAY.plusDays(9),
                        FEMKE, AT));

        MemberView amina = memberships.member(WEST, AMINA).orElseThrow();
        assertThat(amina.deregisteredOn()).isEqualTo(DAY.plusDays(9));
        assertThat(amina.current()).isFalse();
        assertThat(amina.roles()).isEmpty();
        assertThat(memberships.rolesOf(WEST, AMINA)).isEmpty();
        assertThat(memberships.viewersOf(WEST, AMINA)).isEmpty();
        assertThat(memberships.sharingWith(WEST, AMINA)).isEmpty();
        assertThat(memberships.member(WEST, BRAM).orElseThrow().current()).isTrue();
    }

    @Test
    void aDeregistrationThatDisagreesWithTheRolesHeldStopsProcessing() {
        assertThatThrownBy(() -> events.given(new MemberDeregistered(WEST, id("bye"), AMINA,
                List.of(Role.neighbour(), Role.treasurerOf(MEALS)), DAY, FEMKE, AT))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void helpersAreListedBothWaysUntilWithdrawnOrTheMemberLeaves() {
        MemberId cees = MemberId.of("cees");
        events.given(new MemberRegistered(WEST, id("m-cees"), cees, DAY, FEMKE, AT),
                new HelperNamed(WEST, id("h1"), BRAM, DAY, AMINA, AT),
                new HelperNamed(WEST, id("h2"), BRAM, DAY, cees, AT));
        assertThat(memberships.helpersOf(WEST, AMINA)).containsExactly(BRAM);
        assertThat(memberships.representedBy(WEST, BRAM)).containsExactly(AMINA, cees);
        assertThat(memberships.representedBy(NORTH, BRAM)).isEmpty();

        events.given(new HelperWithdrawn(WEST, id("h3"), BRAM, DAY, AMINA, AT));
        assertThat(memberships.helpersOf(WEST, AMINA)).isEmpty();
        assertThat(memberships.representedBy(WEST, BRAM)).containsExactly(cees);

        events.given(new MemberDeregistered(WEST, id("d1"), BRAM, List.of(Role.neighbour()), DAY, FEMKE, AT));
        assertThat(memberships.helpersOf(WEST, cees)).isEmpty();
    }

    @Test
    void keepsTheLatestSealedPayoutDetailsPerMemberUntilRemoved() {
        nl.wederkerig.core.shared.SealedText iban = new nl.wederkerig.core.shared.SealedText("amina", "AAECAw==");
        nl.wederkerig.core.shared.SealedText holder = new nl.wederkerig.core.shared.SealedText("amina", "BAUGBw==");
        nl.wederkerig.core.shared.SealedText link = new nl.wederkerig.core.shared.SealedText("amina", "CAkKCw==");
        nl.wederkerig.core.shared.SealedText newer = new nl.wederkerig.core.shared.SealedText("amina", "DA0ODw==");
        assertThat(memberships.payoutDetails(WEST, AMINA)).isEmpty();
        events.given(new nl.wederkerig.core.community.PayoutDetailsRecorded(WEST, id("p1"), iban, holder, link, DAY, AMINA, AT));
        assertThat(memberships.payoutDetails(WEST, AMINA)).contains(new SealedPayoutDetails(AMINA, iban, holder, link));
        events.given(new nl.wederkerig.core.community.PayoutDetailsRecorded(WEST, id("p2"), newer, holder, null, DAY, AMINA, AT));
        assertThat(memberships.payoutDetails(WEST, AMINA)).contains(new SealedPayoutDetails(AMINA, newer, holder, null));
        assertThat(memberships.payoutDetails(WEST, BRAM)).isEmpty();
        assertThat(memberships.payoutDetails(NORTH, AMINA)).isEmpty();
        events.given(new nl.wederkerig.core.community.PayoutDetailsRemoved(WEST, id("p3"), DAY, AMINA, AT));
        assertThat(memberships.payoutDetails(WEST, AMINA)).isEmpty();
        assertThatThrownBy(() -> events.given(new nl.wederkerig.core.community.PayoutDetailsRemoved(WEST, id("p4"), DAY, AMINA, AT)))
                .hasMessageContaining("out of step");
    }
}
