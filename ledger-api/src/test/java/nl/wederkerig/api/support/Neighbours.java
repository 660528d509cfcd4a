package nl.wederkerig.api.support;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.UUID;

/** Fresh, unique neighbours per test, so tests never depend on each other's data. */
public final class Neighbours {

    public static final String PASSWORD = "test-password-1";

    private Neighbours() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A neighbour of a test community ({@link Communities#founded}, founded here if need be): an
     * account (username = member id) and their registration by its coordinator, so the domain
     * accepts records naming them. The domain asks the Community aggregate itself, so nothing has
     * to catch up first.
     */
    public static MemberId member(LoginStore accounts, CommandGateway commands, CommunityId community, String prefix) {
        MemberId member = register(accounts, community, prefix);
        Communities.registerWithoutWaiting(commands, community, member);
        return member;
    }

    /** Registers an account whose username equals its member id; the domain does not know them as a member. */
    public static MemberId register(LoginStore accounts, CommunityId community, String prefix) {
        String name = unique(prefix);
        accounts.register(name, PASSWORD, community, MemberId.of(name));
        return MemberId.of(name);
    }
}
