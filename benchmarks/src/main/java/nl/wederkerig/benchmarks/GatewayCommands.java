package nl.wederkerig.benchmarks;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.community.AlreadyRegistered;
import nl.wederkerig.core.community.FoundCommunity;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;

/**
 * Commands straight into the command gateway, as the controllers send them: each operation makes
 * an advance and reimburses all of it (two commands, two stored events). Every thread works on
 * its own advances, so threads never contend for one aggregate.
 */
final class GatewayCommands {

    static final CommunityId COMMUNITY = CommunityId.of("bench");
    static final MemberId COORDINATOR = MemberId.of("bench-coordinator");

    private final CommandGateway gateway;
    private final LocalDate today;

    GatewayCommands(CommandGateway gateway, LocalDate today) {
        this.gateway = gateway;
        this.today = today;
        founded(gateway, today);
    }

    /** Advances need a founded community (its limit on open advances is checked with each one). */
    static void founded(CommandGateway gateway, LocalDate today) {
        try {
            gateway.sendAndWait(new FoundCommunity(COMMUNITY, today, COORDINATOR));
        } catch (CommandIdReused foundedBefore) {
            // the same run founded it already (another day's date): nothing to do
        }
    }

    /** An advance names only members of its community: each lender and borrower is registered first, unmeasured. */
    static void registered(CommandGateway gateway, LocalDate today, MemberId member) {
        try {
            gateway.sendAndWait(new RegisterMember(COMMUNITY, CommandId.of("member-" + member), member, today, COORDINATOR));
        } catch (AlreadyRegistered registeredBefore) {
            // by an earlier measurement of the same run
        } catch (CommandIdReused registeredBeforeOnAnotherDay) {
            // the same, on another day's date
        }
    }

    /** @return commands per second (two per pair) */
    double commandsPerSecond(int threads, int pairs) throws Exception {
        String run = "gw" + threads;
        for (int thread = 0; thread < threads; thread++) {
            registered(gateway, today, lender(run, thread));
            registered(gateway, today, borrower(run, thread));
        }
        double pairsPerSecond = Load.operationsPerSecond(threads, pairs, JdbcCeiling.warmup(pairs, threads),
                (thread, index) -> makeAndReimburse(run, thread, index));
        return 2 * pairsPerSecond;
    }

    private void makeAndReimburse(String run, int thread, int index) {
        MemberId lender = lender(run, thread);
        MemberId borrower = borrower(run, thread);
        AdvanceId advance = AdvanceId.of(run + "-t" + thread + "-" + index);
        gateway.sendAndWait(new MakeAdvance(advance, COMMUNITY, lender, borrower, Money.eur("50.00"), Purpose.GROCERIES,
                today, lender));
        gateway.sendAndWait(new ReimburseAdvance(advance, CommandId.of("r-1"), Money.eur("50.00"), today, borrower));
    }

    static MemberId lender(String run, int thread) {
        return MemberId.of(run + "-lender-" + thread);
    }

    static MemberId borrower(String run, int thread) {
        return MemberId.of(run + "-borrower-" + thread);
    }
}
