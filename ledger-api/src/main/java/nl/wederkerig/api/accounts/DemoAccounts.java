package nl.wederkerig.api.accounts;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code --wederkerig.demo=true}: three neighbours of Rotterdam West to try the API with.
 * The password is public (README), so this is for a newcomer's own machine only.
 */
@Component
@ConditionalOnProperty(name = "wederkerig.demo", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final CommunityId COMMUNITY = CommunityId.of("rotterdam-west");
    static final String PASSWORD = "demo-wederkerig";

    private final Accounts accounts;

    DemoAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String name : new String[] {"amina", "bram", "cees"}) {
            if (!accounts.exists(name)) {
                accounts.register(name, PASSWORD, COMMUNITY, MemberId.of(name));
            }
        }
    }
}
