package nl.wederkerig.core.funds;

import nl.wederkerig.core.claims.Claim;
import nl.wederkerig.core.claims.ClaimForPayment;
import nl.wederkerig.core.community.Community;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;
import java.util.Objects;

/**
 * Pays an approved claim from its initiative's fund. A domain command handler (registered by the
 * application) that, in one unit of work, reads the claim's state from the {@link Claim} aggregate
 * and hands it to the {@link Fund} as {@link PayClaim}: the claim decides whether it is payable
 * (approved), the fund whether it can pay (treasurer, four eyes, balance, not paid before). The
 * claim itself is not changed, so two aggregates are never written by one command.
 *
 * <p>A claim approved by a coordinator (the second person when the claimant is the initiative's only
 * treasurer) is payable when the community confirms, in the same unit of work, that the approver is
 * or was a coordinator; without the community's repository (the older wiring) only treasurers'
 * approvals are paid.
 */
public final class ClaimPayments {

    private final Repository<Claim> claims;
    private final Repository<Fund> funds;
    private final Repository<Community> communities;
    private final Clock clock;

    /** Pays claims approved by treasurers of the fund only. */
    public ClaimPayments(Repository<Claim> claims, Repository<Fund> funds, Clock clock) {
        this.claims = Objects.requireNonNull(claims);
        this.funds = Objects.requireNonNull(funds);
        this.communities = null;
        this.clock = Objects.requireNonNull(clock);
    }

    /** Also pays claims a coordinator approved as second person. */
    public ClaimPayments(Repository<Claim> claims, Repository<Fund> funds, Repository<Community> communities, Clock clock) {
        this.claims = Objects.requireNonNull(claims);
        this.funds = Objects.requireNonNull(funds);
        this.communities = Objects.requireNonNull(communities);
        this.clock = Objects.requireNonNull(clock);
    }

    @CommandHandler
    public void handle(PayApprovedClaim command) {
        Objects.requireNonNull(command.claimId(), "claim is missing");
        ClaimForPayment claim = claims.load(command.claimId().value()).invoke(Claim::forPayment);
        PayClaim pay = orderFor(claim, command);
        Aggregate<Fund> fund = funds.load(claim.initiativeId().value());
        boolean byCoordinator = approvedByCoordinator(fund, claim);
        fund.execute(f -> f.pay(pay, byCoordinator, clock));
    }

    /** The claim is paid by the bank line that shows the payment (typically the one naming {@code WDK-<claim id>}). */
    @CommandHandler
    public void handle(PayApprovedClaimFromBankLine command) {
        Objects.requireNonNull(command.claimId(), "claim is missing");
        ClaimForPayment claim = claims.load(command.claimId().value()).invoke(Claim::forPayment);
        PayClaimFromBankLine pay = new PayClaimFromBankLine(claim.initiativeId(), command.commandId(), claim.claimId(), claim.claimant(),
                claim.amount(), claim.approvedBy(), command.lineId(), command.actor());
        Aggregate<Fund> fund = funds.load(claim.initiativeId().value());
        boolean byCoordinator = approvedByCoordinator(fund, claim);
        fund.execute(f -> f.payFromBankLine(pay, byCoordinator, clock));
    }

    private boolean approvedByCoordinator(Aggregate<Fund> fund, ClaimForPayment claim) {
        if (communities == null || fund.invoke(f -> f.wasEverTreasurer(claim.approvedBy()))) {
            return false;
        }
        return communities.load(claim.communityId().value()).invoke(c -> c.isOrWasCoordinator(claim.approvedBy()));
    }

    /** The fund command for an approved claim; pure, so it is tested without repositories. */
    public static PayClaim orderFor(ClaimForPayment claim, PayApprovedClaim command) {
        return new PayClaim(claim.initiativeId(), command.commandId(), claim.claimId(), claim.claimant(),
                claim.amount(), claim.approvedBy(), command.channel(), command.businessDate(), command.actor());
    }
}
