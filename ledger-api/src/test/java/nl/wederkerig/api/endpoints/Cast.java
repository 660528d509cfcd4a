package nl.wederkerig.api.endpoints;

import nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.ShareTrustHistory;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.wederkerig.projections.community.Memberships;
import java.util.EnumMap;
import java.util.Map;

/**
 * The people of the authorization matrix, each with a login, in a community of their own
 * ({@link OwnCommunity}, the same helper every other HTTP test uses), with the initiatives and
 * partners the rows are about. Commands a row needs for its set-up go through {@link #commands()}
 * with the cast's own ids.
 */
record Cast(CommunityId community, Map<Actor, MemberId> members, InitiativeId initiative, InitiativeId otherInitiative,
            PartnerId partner, PartnerId otherPartner, CommandGateway commands, Memberships memberships, JdbcTemplate jdbc,
            TestRestTemplate http) {

    static Cast create(CommandGateway commands, LoginStore accounts, JdbcTemplate jdbc, String prefix) {
        return create(commands, accounts, jdbc, prefix, null);
    }

    /**
     * With {@code http}, for set-ups that only a request can make (a claim's receipt file is sealed
     * by the application under the claimant's key; no command carries it).
     */
    static Cast create(CommandGateway commands, LoginStore accounts, JdbcTemplate jdbc, String prefix, TestRestTemplate http) {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, prefix);
        InitiativeId initiative = wijk.initiative("meals");
        InitiativeId otherInitiative = wijk.initiative("club");
        PartnerId partner = wijk.partner("care");
        PartnerId otherPartner = wijk.partner("city");

        Map<Actor, MemberId> members = new EnumMap<>(Actor.class);
        members.put(Actor.COORDINATOR, wijk.coordinator);
        for (Actor actor : Actor.MEMBERS) {
            if (actor != Actor.COORDINATOR) {
                members.put(actor, wijk.member(actor.name().toLowerCase().replace('_', '-')));
            }
        }
        wijk.treasurer(members.get(Actor.TREASURER), initiative);
        wijk.treasurer(members.get(Actor.OTHER_TREASURER), otherInitiative);
        wijk.role(members.get(Actor.AUDITOR), Role.auditorOf(initiative));
        wijk.role(members.get(Actor.PARTNER), Role.representativeOf(partner));
        wijk.role(members.get(Actor.OTHER_PARTNER), Role.representativeOf(otherPartner));
        members.put(Actor.OUTSIDER, OwnCommunity.found(commands, accounts, jdbc, "elsewhere").member("olaf"));

        // Amina lets Bram see her trust history: the "with consent" column of the matrix.
        commands.sendAndWait(new ShareTrustHistory(wijk.id, CommandId.of(Neighbours.unique("share")),
                members.get(Actor.COUNTERPARTY), wijk.registeredOn(), members.get(Actor.NEIGHBOUR)));
        return new Cast(wijk.id, Map.copyOf(members), initiative, otherInitiative, partner, otherPartner, commands,
                new Memberships(jdbc), jdbc, http);
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
