package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.Amounts;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.BusinessDates;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InWrongState;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.KnownParties;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ProcessedCommands;
import nl.wederkerig.core.shared.ReceiptMissing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An expense claim (declaratie): submitted by a volunteer, approved or rejected by a treasurer of
 * the initiative who is not the claimant. Paying it is the fund's step ({@code funds.PayClaim}),
 * which reads {@link #forPayment()} in the same unit of work.
 *
 * <p>Whether the approver holds the TREASURER role is checked by the API against the community's
 * roles before it sends the command; the fund checks it again when money moves.
 */
public class Claim {

    /** Largest claim a volunteer may submit: out-of-pocket costs, not investments. */
    public static final Money MAX_AMOUNT = Money.eur("2500.00");
    /** A claim is decided once; a few retries with new ids are tolerated, not more. */
    public static final int MAX_COMMANDS = 20;

    @AggregateIdentifier
    private ClaimId claimId;
    private CommunityId communityId;
    private InitiativeId initiativeId;
    private MemberId claimant;
    private Money amount;
    private ExpenseCategory category;
    private LocalDate submittedOn;
    private ClaimStatus status;
    private MemberId approvedBy;
    private SubmitClaim submitting;
    private final ProcessedCommands processed = new ProcessedCommands(MAX_COMMANDS);

    protected Claim() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SubmitClaim command, Clock clock, KnownParties parties) {
        if (submitting != null) {
            if (!submitting.equals(command)) {
                throw new CommandIdReused(command.claimId().value());
            }
            return;
        }
        Objects.requireNonNull(command.communityId(), "community is missing");
        Objects.requireNonNull(command.initiativeId(), "initiative is missing");
        Objects.requireNonNull(command.category(), "category is missing");
        Objects.requireNonNull(command.actor(), "actor is missing");
        Amounts.requirePositiveEur(command.amount(), MAX_AMOUNT);
        if (command.receipt() == null) {
            throw new ReceiptMissing();
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        parties.requireMembers(command.communityId(), command.actor());
        parties.requireInitiative(command.communityId(), command.initiativeId());
        apply(new ClaimSubmitted(command.claimId(), command.communityId(), command.initiativeId(), command.actor(),
                command.amount(), command.category(), command.receipt(), command.businessDate(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ApproveClaim command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireReviewable(command.actor(), command.businessDate(), clock, "approve it");
        apply(new ClaimApproved(claimId, communityId, initiativeId, command.commandId(), claimant, amount, category,
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RejectClaim command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.reason(), "reason is missing");
        requireReviewable(command.actor(), command.businessDate(), clock, "reject it");
        apply(new ClaimRejected(claimId, communityId, initiativeId, command.commandId(), claimant, command.reason(),
                command.reasonCode(), command.businessDate(), command.actor(), clock.instant()));
    }

    /** What the fund needs to pay this claim; only an approved claim can be paid. */
    public ClaimForPayment forPayment() {
        if (status != ClaimStatus.APPROVED) {
            throw new InWrongState("claim", claimId, status, "pay it");
        }
        return new ClaimForPayment(claimId, communityId, initiativeId, claimant, amount, approvedBy);
    }

    private void requireReviewable(MemberId actor, LocalDate businessDate, Clock clock, String step) {
        Objects.requireNonNull(actor, "actor is missing");
        if (actor.equals(claimant)) {
            throw new OwnClaimApproval(actor);
        }
        if (status != ClaimStatus.SUBMITTED) {
            throw new InWrongState("claim", claimId, status, step);
        }
        BusinessDates.requireAllowed(businessDate, clock);
        if (businessDate.isBefore(submittedOn)) {
            throw new BusinessDateOutOfRange(businessDate, submittedOn, LocalDate.now(clock));
        }
    }

    @EventSourcingHandler
    void on(ClaimSubmitted event) {
        claimId = event.claimId();
        communityId = event.communityId();
        initiativeId = event.initiativeId();
        claimant = event.claimant();
        amount = event.amount();
        category = event.category();
        submittedOn = event.businessDate();
        status = ClaimStatus.SUBMITTED;
        submitting = new SubmitClaim(event.claimId(), event.communityId(), event.initiativeId(), event.amount(),
                event.category(), event.receipt(), event.businessDate(), event.actor());
    }

    @EventSourcingHandler
    void on(ClaimApproved event) {
        assert !event.actor().equals(claimant) : "a claim is never approved by its claimant";
        status = ClaimStatus.APPROVED;
        approvedBy = event.actor();
        remember(event.commandId(), new ApproveClaim(claimId, event.commandId(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(ClaimRejected event) {
        status = ClaimStatus.REJECTED;
        remember(event.commandId(), new RejectClaim(claimId, event.commandId(), event.reason(), event.reasonCode(),
                event.businessDate(), event.actor()));
    }

    private void remember(CommandId id, Object command) {
        processed.remember(id, command);
    }
}
