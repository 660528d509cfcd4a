package nl.wederkerig.benchmarks;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.community.FoundCommunity;
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
            gateway.sendAndWait(new FoundCommunity(COMMUNITY, today, MemberId.of("bench-coordinator")));
        } catch (CommandIdReused foundedBefore) {
            // the same run founded it already (another day's date): nothing to do
        }
    }

    /** @return commands per second (two per pair) */
    double commandsPerSecond(int threads, int pairs) throws Exception {
        String run = "gw" + threads;
        double pairsPerSecond = Load.operationsPerSecond(threads, pairs, JdbcCeiling.warmup(pairs, threads),
                (thread, index) -> makeAndReimburse(run, thread, index));
        return 2 * pairsPerSecond;
    }

    private void makeAndReimburse(String run, int thread, int index) {
        MemberId lender = MemberId.of(run + "-lender-" + thread);
        MemberId borrower = MemberId.of(run + "-borrower-" + thread);
        AdvanceId advance = AdvanceId.of(run + "-t" + thread + "-" + index);
        gateway.sendAndWait(new MakeAdvance(advance, COMMUNITY, lender, borrower, Money.eur("50.00"), Purpose.GROCERIES,
                today, lender));
        gateway.sendAndWait(new ReimburseAdvance(advance, CommandId.of("r-1"), Money.eur("50.00"), today, borrower));
    }
}
