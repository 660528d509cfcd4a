package nl.wederkerig.api.support;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

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
     * Registers an account whose username equals its member id; the domain does not know them as a
     * member: a stranger with a login. A neighbour is {@link OwnCommunity#member}.
     */
    public static MemberId register(LoginStore accounts, CommunityId community, String prefix) {
        String name = unique(prefix);
        accounts.register(name, PASSWORD, community, MemberId.of(name));
        return MemberId.of(name);
    }
}
