package nl.wederkerig.api.claims;

import nl.wederkerig.api.claims.ClaimRequests.ClaimApproval;
import nl.wederkerig.api.claims.ClaimRequests.ClaimRejection;
import nl.wederkerig.api.claims.ClaimRequests.ClaimSubmission;
import nl.wederkerig.api.claims.ClaimRequests.ClaimWithReceipts;
import nl.wederkerig.api.claims.ClaimRequests.OwnClaim;
import nl.wederkerig.api.claims.ReceiptScans.Scan;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.api.claims.ClaimRequests.RecordedClaim;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.api.claims.ClaimRequests.ClaimAnswer;
import nl.wederkerig.api.claims.ClaimRequests.ClaimNoteText;
import nl.wederkerig.api.claims.ClaimRequests.ClaimPayee;
import nl.wederkerig.api.claims.ClaimRequests.ClaimQuestion;
import nl.wederkerig.api.community.OpenedPayoutDetails;
import nl.wederkerig.api.community.PayoutVault;
import nl.wederkerig.api.platform.privacy.SubjectKeyCipher;
import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.ProvideClaimInformation;
import nl.wederkerig.core.claims.RequestClaimInformation;
import nl.wederkerig.projections.claims.ClaimState;
import java.util.Optional;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.RejectClaim;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.claims.ClaimView;
import nl.wederkerig.projections.claims.ExpenseClaims;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Expense claims of an initiative: any member submits one, a treasurer of the initiative decides
 * it. The claim checks four eyes (never one's own) and its state; the claim's initiative is looked
 * up in the funds read model, so a decision on a claim submitted a moment ago may be answered 404
 * until that model has it.
 */
@ApplicationService
public class Claims {

    private final CommandGateway commands;
    private final InitiativeFunds funds;
    private final ExpenseClaims claims;
    private final Access access;
    private final BusinessDay day;
    private final ReceiptStore receipts;
    private final SubjectKeyCipher cipher;
    private final PayoutVault payouts;

    Claims(CommandGateway commands, InitiativeFunds funds, ExpenseClaims claims, Access access, BusinessDay day,
           ReceiptStore receipts, SubjectKeyCipher cipher, PayoutVault payouts) {
        this.cipher = cipher;
        this.payouts = payouts;
        this.commands = commands;
        this.funds = funds;
        this.claims = claims;
        this.access = access;
        this.day = day;
        this.receipts = receipts;
    }

    /**
     * The initiative's queue: claims to decide (submitted) and to pay (approved), oldest first, with
     * their receipt references. For its treasurers, its kascommissie and the coordinators.
     */
    public List<ClaimView> queue(Login me, CommunityId community, InitiativeId initiative) {
        access.requireBooksReader(me, community, initiative);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
        return claims.open(community, initiative);
    }

    /**
     * One claim with its status, every step so far and its receipt reference: for the claimant, the
     * initiative's treasurers and the coordinators. To anyone else, and under another initiative's
     * path, it does not exist, exactly as an unknown id.
     */
    public ClaimView claim(Login me, CommunityId community, InitiativeId initiative, ClaimId claim) {
        boolean keepsBooks = access.keepsBooksOf(me, community, initiative);
        return claims.claim(community, claim)
                .filter(view -> view.initiativeId().equals(initiative))
                .filter(view -> keepsBooks || view.claimant().equals(me.memberId()))
                .orElseThrow(() -> new NotFound("no claim " + claim + " of this initiative for you"));
    }

    /** The claimant is the one who asks. */
    public RecordedClaim submit(Login me, CommunityId community, InitiativeId initiative, ClaimSubmission request) {
        access.requireMember(me, community);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
        commands.sendAndWait(new SubmitClaim(request.claimId(), community, initiative, request.amount(),
                request.category(), request.receipt(), day.orToday(request.businessDate()), me.memberId()));
        // The claim id is the id of the command that submitted it.
        return new RecordedClaim(request.claimId(), CommandId.of(request.claimId().value()));
    }

    /**
     * A claim with its receipt files (photos or PDFs, 1 to {@link ReceiptScans#MAX_RECEIPTS_PER_CLAIM}).
     * Every file is checked and scaled before any is stored, so a refused file stores nothing; the
     * files are stored (sealed) before the claim's event, which names them by reference; when the
     * claim itself is refused, the files just stored are removed again.
     */
    public RecordedClaim submitWithReceipts(Login me, CommunityId community, InitiativeId initiative, ClaimWithReceipts request,
                                            List<byte[]> files) {
        access.requireMember(me, community);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
        if (files.isEmpty()) {
            throw new ReceiptRefused(ReceiptRefused.Reason.NONE, "send at least one receipt file");
        }
        if (files.size() > ReceiptScans.MAX_RECEIPTS_PER_CLAIM) {
            throw new ReceiptRefused(ReceiptRefused.Reason.TOO_MANY,
                    "at most " + ReceiptScans.MAX_RECEIPTS_PER_CLAIM + " receipt files with one claim");
        }
        List<Scan> scans = files.stream().map(ReceiptScans::prepare).toList();
        ReceiptReference reference = ReceiptStore.referenceFor(community, request.claimId(), me.memberId());
        boolean storedNow = receipts.keep(reference, me.memberId(), scans);
        try {
            commands.sendAndWait(new SubmitClaim(request.claimId(), community, initiative, request.amount(),
                    request.category(), reference, day.orToday(request.businessDate()), me.memberId()));
        } catch (RuntimeException refused) {
            if (storedNow) {
                receipts.forget(reference);
            }
            throw refused;
        }
        return new RecordedClaim(request.claimId(), CommandId.of(request.claimId().value()));
    }

    /**
     * Receipt file {@code number} of a claim: for the claimant and for whoever reads the
     * initiative's books (its treasurers, its kascommissie, the coordinators). To anyone else, for
     * an unknown number, and once the claimant's personal data was erased, there is no such file.
     */
    public Scan receipt(Login me, CommunityId community, InitiativeId initiative, ClaimId claim, int number) {
        boolean readsBooks = access.readsBooksOf(me, community, initiative);
        ClaimView view = claims.claim(community, claim)
                .filter(found -> found.initiativeId().equals(initiative))
                .filter(found -> readsBooks || found.claimant().equals(me.memberId()))
                .orElseThrow(() -> new NotFound("no claim " + claim + " of this initiative for you"));
        if (number < 1 || number > ReceiptScans.MAX_RECEIPTS_PER_CLAIM) {
            throw new NotFound("no receipt " + number);
        }
        return receipts.open(view.receipt(), number, view.claimant())
                .orElseThrow(() -> new NotFound("no receipt " + number + " of this claim"));
    }

    /** The member's own claims in the community, newest first, each with how many receipt files it has. */
    public List<OwnClaim> mine(Login me, CommunityId community) {
        access.requireMember(me, community);
        return claims.ofClaimant(community, me.memberId()).stream()
                .map(claim -> new OwnClaim(claim, receipts.count(claim.receipt(), me.memberId())))
                .toList();
    }

    /** The community's initiatives, to choose the one a claim is for. */
    public List<InitiativeId> initiatives(Login me, CommunityId community) {
        access.requireMember(me, community);
        return funds.initiativesOf(community);
    }

    /** How many receipt files a claim of the queue has, for its links; only for who may read the books. */
    public int receiptFiles(Login me, CommunityId community, InitiativeId initiative, ClaimView claim) {
        access.requireBooksReader(me, community, initiative);
        return receipts.count(claim.receipt(), claim.claimant());
    }

    public RecordedClaim approve(Login me, CommunityId community, InitiativeId initiative, ClaimId claim,
                                 ClaimApproval request) {
        requireDecider(me, community, initiative, claim);
        commands.sendAndWait(new ApproveClaim(claim, request.commandId(), day.orToday(request.businessDate()),
                me.memberId()));
        return new RecordedClaim(claim, request.commandId());
    }

    public RecordedClaim reject(Login me, CommunityId community, InitiativeId initiative, ClaimId claim,
                                ClaimRejection request) {
        requireDecider(me, community, initiative, claim);
        commands.sendAndWait(new RejectClaim(claim, request.commandId(), request.reason(), request.reasonCode(),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedClaim(claim, request.commandId());
    }

    /**
     * Whoever may decide the claim asks the claimant a question; the claim waits for the answer. The
     * question is about the claimant's claim, so it is sealed with the claimant's key. The claim
     * refuses its own claimant and any state but submitted.
     */
    public RecordedClaim requestInformation(Login me, CommunityId community, InitiativeId initiative, ClaimId claim,
                                            ClaimQuestion request) {
        requireDecider(me, community, initiative, claim);
        String question = ClaimNoteRefused.checked(request.question());
        ClaimView view = claims.claim(community, claim)
                .orElseThrow(() -> new NotFound("no claim " + claim + " of this initiative"));
        commands.sendAndWait(new RequestClaimInformation(claim, request.commandId(), cipher.seal(view.claimant(), question),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedClaim(claim, request.commandId());
    }

    /**
     * The claimant answers the question about their own claim (sealed with their own key) and the
     * claim awaits a decision again. Anyone else's claim, here, does not exist.
     */
    public RecordedClaim provideInformation(Login me, CommunityId community, InitiativeId initiative, ClaimId claim,
                                            ClaimAnswer request) {
        access.requireMember(me, community);
        claims.claim(community, claim)
                .filter(view -> view.initiativeId().equals(initiative))
                .filter(view -> view.claimant().equals(me.memberId()))
                .orElseThrow(() -> new NotFound("no claim " + claim + " of this initiative for you"));
        String answer = ClaimNoteRefused.checked(request.answer());
        commands.sendAndWait(new ProvideClaimInformation(claim, request.commandId(), cipher.seal(me.memberId(), answer), null,
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedClaim(claim, request.commandId());
    }

    /**
     * The questions and answers about a claim, opened: for its claimant and whoever reads the
     * initiative's books, exactly who sees the claim's receipts. Once the claimant's data is erased
     * the texts are gone (null).
     */
    public List<ClaimNoteText> notes(Login me, CommunityId community, InitiativeId initiative, ClaimId claim) {
        boolean readsBooks = access.readsBooksOf(me, community, initiative);
        ClaimView view = claims.claim(community, claim)
                .filter(found -> found.initiativeId().equals(initiative))
                .filter(found -> readsBooks || found.claimant().equals(me.memberId()))
                .orElseThrow(() -> new NotFound("no claim " + claim + " of this initiative for you"));
        return claims.notes(community, claim).stream()
                .map(note -> new ClaimNoteText(note.kind(), note.on(), cipher.open(view.claimant(), note.text()).orElse(null)))
                .toList();
    }

    /**
     * How to pay an approved claim: the claimant's IBAN from their own payout details and the
     * reference {@code WDK-<claim id>}. Only for the initiative's treasurers (who pay); to anyone
     * else, and for a claim not approved, there is none.
     */
    public ClaimPayee payee(Login me, CommunityId community, InitiativeId initiative, ClaimId claim) {
        access.requireTreasurerOf(me, community, initiative);
        ClaimView view = claims.claim(community, claim)
                .filter(found -> found.initiativeId().equals(initiative))
                .filter(found -> found.status() == ClaimState.APPROVED)
                .orElseThrow(() -> new NotFound("no approved claim " + claim + " of this initiative"));
        Optional<OpenedPayoutDetails> details = payouts.open(community, view.claimant());
        return new ClaimPayee(claim, details.map(d -> d.iban().value()).orElse(null),
                details.map(d -> d.accountHolder().value()).orElse(null), referenceOf(claim), view.amount());
    }

    /** What the payment's description must carry so the bank line is matched to the claim. */
    public static String referenceOf(ClaimId claim) {
        return "WDK-" + claim.value();
    }

    /** Every claim of the initiative, whatever its status, newest first: for who reads its books (the kascommissie's view). */
    public List<ClaimView> all(Login me, CommunityId community, InitiativeId initiative) {
        access.requireBooksReader(me, community, initiative);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
        return claims.ofInitiative(community, initiative);
    }

    /**
     * Whether a bank line was matched to the claim's standing payment: false for a payment recorded
     * by hand and not yet seen on a statement. For who reads the books.
     */
    public boolean paymentMatched(Login me, CommunityId community, InitiativeId initiative, ClaimId claim) {
        access.requireBooksReader(me, community, initiative);
        return claims.claim(community, claim).map(view -> ExpenseClaims.paymentMatched(view.steps())).orElse(false);
    }

    /**
     * A treasurer of the initiative in the path or a coordinator asks, and the claim must be of that
     * initiative. Which of them may decide this claim (never the claimant; a coordinator only
     * when the claimant is the initiative's only treasurer) the domain decides in the same unit of
     * work (ClaimReviewGuard), against the community's own roles.
     */
    private void requireDecider(Login me, CommunityId community, InitiativeId initiative, ClaimId claim) {
        // Who asks before what exists: to anyone who may not decide, a claim and no claim look alike.
        access.requireTreasurerOrCoordinator(me, community, initiative);
        if (!funds.initiativeOfClaim(community, claim).filter(initiative::equals).isPresent()) {
            throw new NotFound("no claim " + claim + " of this initiative");
        }
    }
}
