package nl.wederkerig.api.balances;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.balances.NeighbourBalance;

import java.time.LocalDate;

/** A neighbour's own balance: what they owe and are owed, per counterparty, in euros and hours. Theirs alone. */
@ApplicationService
public class Balances {

    private final AdvanceBalances balances;
    private final Access access;

    Balances(AdvanceBalances balances, Access access) {
        this.balances = balances;
        this.access = access;
    }

    /** As of the end of business date {@code asOf}, or now when it is left out. */
    public NeighbourBalance of(Login me, CommunityId community, MemberId member, LocalDate asOf) {
        access.requireSelf(me, community, member);
        return balances.balanceOf(community, member, asOf != null ? asOf : AdvanceBalances.LATEST);
    }

    /** The signed-in neighbour's own balance now. */
    public NeighbourBalance mine(Login me) {
        return of(me, me.communityId(), me.memberId(), null);
    }
}
