package nl.wederkerig.core.funds;

import nl.wederkerig.core.advances.AdvanceLimitGuard;

import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.Claim;
import nl.wederkerig.core.claims.ClaimForReview;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.OwnClaimApproval;
import nl.wederkerig.core.claims.RejectClaim;
import nl.wederkerig.core.claims.RequestClaimInformation;
import nl.wederkerig.core.community.Community;
import nl.wederkerig.core.reconciliation.DateInClosedPeriod;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who may decide a claim, strongly consistently. Registered by the application as a
 * handler interceptor on the command bus (like {@code AdvanceLimitGuard}): for every
 * {@link ApproveClaim}, {@link RejectClaim} and {@link RequestClaimInformation} it reads, in the same
 * unit of work, the claim (initiative, claimant), the initiative's fund (its treasurers now, its
 * closed periods) and, where needed, the community (its coordinators), and refuses unless:
 *
 * <ul>
 *   <li>the decider is a treasurer of the initiative other than the claimant; or, when the claimant
 *       is the initiative's only treasurer (or it has none), a coordinator who is not the claimant;</li>
 *   <li>the decision is not dated in a closed period (an approval books an expense).</li>
 * </ul>
 *
 * The claim then handles the command with its own rules (never the claimant's own; the right status).
 */
public final class ClaimReviewGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Repository<Claim> claims;
    private final Repository<Fund> funds;
    private final Repository<Community> communities;

    public ClaimReviewGuard(Repository<Claim> claims, Repository<Fund> funds, Repository<Community> communities) {
        this.claims = Objects.requireNonNull(claims);
        this.funds = Objects.requireNonNull(funds);
        this.communities = Objects.requireNonNull(communities);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        if (payload instanceof ApproveClaim command) {
            review(command.claimId(), command.actor(), command.businessDate());
        } else if (payload instanceof RejectClaim command) {
            review(command.claimId(), command.actor(), command.businessDate());
        } else if (payload instanceof RequestClaimInformation command) {
            review(command.claimId(), command.actor(), command.businessDate());
        }
        return chain.proceed();
    }

    private void review(ClaimId claimId, MemberId actor, LocalDate businessDate) {
        Objects.requireNonNull(claimId, "claim is missing");
        Objects.requireNonNull(actor, "actor is missing");
        ClaimForReview claim = claims.load(claimId.value()).invoke(Claim::forReview);
        if (actor.equals(claim.claimant())) {
            throw new OwnClaimApproval(actor);
        }
        Aggregate<Fund> fund = funds.load(claim.initiativeId().value());
        Set<MemberId> reviewers = new HashSet<>(fund.invoke(Fund::treasurers));
        reviewers.remove(claim.claimant());
        if (reviewers.isEmpty()) {
            boolean coordinator = communities.load(claim.communityId().value()).invoke(c -> c.isCoordinator(actor));
            if (!coordinator) {
                throw new NotClaimReviewer(actor, true);
            }
        } else if (!reviewers.contains(actor)) {
            throw new NotClaimReviewer(actor, false);
        }
        Optional<LocalDate> closedThrough = fund.invoke(Fund::closedThrough);
        if (businessDate != null && closedThrough.isPresent() && !businessDate.isAfter(closedThrough.get())) {
            throw new DateInClosedPeriod(businessDate, closedThrough.get());
        }
    }
}
