package nl.wederkerig.api.endpoints;

import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Communities;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor;

import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.RegisterInitiative;
import nl.wederkerig.core.community.RegisterPartner;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.ShareTrustHistory;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.community.Memberships;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The people of the authorization matrix, each with a login, in a community of their own, with
 * the initiatives and partners the rows are about. Commands a row needs for its set-up go through
 * {@link #commands()} with the cast's own ids.
 */
record Cast(CommunityId community, Map<Actor, MemberId> members, InitiativeId initiative, InitiativeId otherInitiative,
            PartnerId partner, PartnerId otherPartner, CommandGateway commands, Memberships memberships, JdbcTemplate jdbc) {

    static Cast create(CommandGateway commands, LoginStore accounts, Memberships memberships, JdbcTemplate jdbc,
                       CommunityId community) {
        MemberId coordinator = Communities.foundedWithCoordinatorLogin(commands, accounts, community);
        LocalDate day = LocalDate.now(LedgerTime.ZONE).minusDays(20);
        InitiativeId initiative = InitiativeId.of(Neighbours.unique("meals"));
        InitiativeId otherInitiative = InitiativeId.of(Neighbours.unique("club"));
        PartnerId partner = PartnerId.of(Neighbours.unique("care"));
        PartnerId otherPartner = PartnerId.of(Neighbours.unique("city"));
        commands.sendAndWait(new RegisterInitiative(community, CommandId.of("i-" + initiative), initiative,
                InitiativeKind.SHARED_MEALS, day, coordinator));
        commands.sendAndWait(new RegisterInitiative(community, CommandId.of("i-" + otherInitiative), otherInitiative,
                InitiativeKind.MONEY_CLUB, day, coordinator));
        commands.sendAndWait(new RegisterPartner(community, CommandId.of("p-" + partner), partner,
                PartnerKind.CARE_ORGANISATION, day, coordinator));
        commands.sendAndWait(new RegisterPartner(community, CommandId.of("p-" + otherPartner), otherPartner,
                PartnerKind.MUNICIPALITY, day, coordinator));

        Map<Actor, MemberId> members = new EnumMap<>(Actor.class);
        members.put(Actor.COORDINATOR, coordinator);
        for (Actor actor : Actor.MEMBERS) {
            if (actor != Actor.COORDINATOR) {
                MemberId member = Neighbours.register(accounts, community, actor.name().toLowerCase().replace('_', '-'));
                Communities.registered(commands, memberships, community, member);
                members.put(actor, member);
            }
        }
        Communities.assign(commands, memberships, community, members.get(Actor.TREASURER), Role.treasurerOf(initiative));
        Communities.assign(commands, memberships, community, members.get(Actor.AUDITOR), Role.auditorOf(initiative));
        Communities.assign(commands, memberships, community, members.get(Actor.OTHER_TREASURER),
                Role.treasurerOf(otherInitiative));
        Communities.assign(commands, memberships, community, members.get(Actor.PARTNER), Role.representativeOf(partner));
        Communities.assign(commands, memberships, community, members.get(Actor.OTHER_PARTNER),
                Role.representativeOf(otherPartner));
        CommunityId elsewhere = CommunityId.of(Neighbours.unique("elsewhere"));
        Communities.founded(commands, elsewhere);
        members.put(Actor.OUTSIDER, Neighbours.register(accounts, elsewhere, "olaf"));

        // Amina lets Bram see her trust history: the "with consent" column of the matrix.
        commands.sendAndWait(new ShareTrustHistory(community, CommandId.of(Neighbours.unique("share")),
                members.get(Actor.COUNTERPARTY), day, members.get(Actor.NEIGHBOUR)));
        return new Cast(community, Map.copyOf(members), initiative, otherInitiative, partner, otherPartner, commands, memberships, jdbc);
    }

    MemberId member(Actor actor) {
        return members.get(actor);
    }

    String login(Actor actor) {
        return members.get(actor).value();
    }

    /** Fills {@code {communityId}} and the row's own path variables. */
    String expand(String template, Map<String, String> vars) {
        String path = template.replace("{communityId}", community.value());
        for (Map.Entry<String, String> var : vars.entrySet()) {
            path = path.replace("{" + var.getKey() + "}", var.getValue());
        }
        if (path.contains("{")) {
            throw new IllegalStateException("unfilled path variable in " + path);
        }
        return path;
    }
}
