package nl.wederkerig.core.funds;

import nl.wederkerig.core.claims.Claim;
import nl.wederkerig.core.claims.ClaimForPayment;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;
import java.util.Objects;

/**
 * Pays an approved claim from its initiative's fund. A domain command handler (registered by the
 * application) that, in one unit of work, reads the claim's state from the {@link Claim} aggregate
 * and hands it to the {@link Fund} as {@link PayClaim}: the claim decides whether it is payable
 * (approved), the fund whether it can pay (treasurer, four eyes, balance, not paid before). The
 * claim itself is not changed, so two aggregates are never written by one command.
 */
public final class ClaimPayments {

    private final Repository<Claim> claims;
    private final Repository<Fund> funds;
    private final Clock clock;

    public ClaimPayments(Repository<Claim> claims, Repository<Fund> funds, Clock clock) {
        this.claims = Objects.requireNonNull(claims);
        this.funds = Objects.requireNonNull(funds);
        this.clock = Objects.requireNonNull(clock);
    }

    @CommandHandler
    public void handle(PayApprovedClaim command) {
        Objects.requireNonNull(command.claimId(), "claim is missing");
        ClaimForPayment claim = claims.load(command.claimId().value()).invoke(Claim::forPayment);
        PayClaim pay = orderFor(claim, command);
        funds.load(claim.initiativeId().value()).execute(fund -> fund.handle(pay, clock));
    }

    /** The fund command for an approved claim; pure, so it is tested without repositories. */
    public static PayClaim orderFor(ClaimForPayment claim, PayApprovedClaim command) {
        return new PayClaim(claim.initiativeId(), command.commandId(), claim.claimId(), claim.claimant(),
                claim.amount(), claim.approvedBy(), command.channel(), command.businessDate(), command.actor());
    }
}
