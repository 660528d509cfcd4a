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
import java.util.Arrays;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An expense claim (declaratie): submitted by a volunteer, approved or rejected by a treasurer of
 * the initiative who is not the claimant. Paying it is the fund's step ({@code funds.PayClaim}),
 * which reads {@link #forPayment()} in the same unit of work.
 *
 * <p>Who may decide (approve, reject, ask for information) is checked in the same unit of work by
 * {@code funds.ClaimReviewGuard}: a treasurer of the initiative other than the claimant, or, when the
 * claimant is its only treasurer, a coordinator. The claim itself checks that the claimant never
 * decides their own claim; the fund checks the approver again when money moves.
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
        requireReviewable(command.actor(), command.businessDate(), clock, "approve it", ClaimStatus.SUBMITTED);
        apply(new ClaimApproved(claimId, communityId, initiativeId, command.commandId(), claimant, amount, category,
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RejectClaim command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.reason(), "reason is missing");
        // A claimant who never answers a question can still be told no.
        requireReviewable(command.actor(), command.businessDate(), clock, "reject it", ClaimStatus.SUBMITTED, ClaimStatus.NEEDS_INFORMATION);
        apply(new ClaimRejected(claimId, communityId, initiativeId, command.commandId(), claimant, command.reason(),
                command.reasonCode(), command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RequestClaimInformation command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.question(), "question is missing");
        requireReviewable(command.actor(), command.businessDate(), clock, "ask about it", ClaimStatus.SUBMITTED);
        apply(new ClaimInformationRequested(claimId, communityId, initiativeId, command.commandId(), claimant, command.question(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ProvideClaimInformation command, Clock clock) {
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.answer(), "answer is missing");
        Amounts.requireActor(command.actor(), claimant, "answer a question about another's claim");
        if (status != ClaimStatus.NEEDS_INFORMATION) {
            throw new InWrongState(InWrongState.Kind.CLAIM, claimId, status, "answer a question");
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        if (command.businessDate().isBefore(submittedOn)) {
            throw new BusinessDateOutOfRange(command.businessDate(), submittedOn, LocalDate.now(clock));
        }
        apply(new ClaimInformationProvided(claimId, communityId, initiativeId, command.commandId(), command.answer(),
                command.receipt(), command.businessDate(), command.actor(), clock.instant()));
    }

    /** Who may decide this claim depends on these; read by {@code funds.ClaimReviewGuard} in the same unit of work. */
    public ClaimForReview forReview() {
        return new ClaimForReview(claimId, communityId, initiativeId, claimant);
    }

    /** What the fund needs to pay this claim; only an approved claim can be paid. */
    public ClaimForPayment forPayment() {
        if (status != ClaimStatus.APPROVED) {
            throw new InWrongState(InWrongState.Kind.CLAIM, claimId, status, "pay it");
        }
        return new ClaimForPayment(claimId, communityId, initiativeId, claimant, amount, approvedBy);
    }

    private void requireReviewable(MemberId actor, LocalDate businessDate, Clock clock, String step, ClaimStatus... allowed) {
        Objects.requireNonNull(actor, "actor is missing");
        if (actor.equals(claimant)) {
            throw new OwnClaimApproval(actor);
        }
        if (!Arrays.asList(allowed).contains(status)) {
            throw new InWrongState(InWrongState.Kind.CLAIM, claimId, status, step);
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

    @EventSourcingHandler
    void on(ClaimInformationRequested event) {
        assert !event.actor().equals(claimant) : "a claimant does not question their own claim";
        status = ClaimStatus.NEEDS_INFORMATION;
        remember(event.commandId(), new RequestClaimInformation(claimId, event.commandId(), event.question(), event.businessDate(),
                event.actor()));
    }

    @EventSourcingHandler
    void on(ClaimInformationProvided event) {
        status = ClaimStatus.SUBMITTED;
        remember(event.commandId(), new ProvideClaimInformation(claimId, event.commandId(), event.answer(), event.receipt(),
                event.businessDate(), event.actor()));
    }

    private void remember(CommandId id, Object command) {
        processed.remember(id, command);
    }
}
