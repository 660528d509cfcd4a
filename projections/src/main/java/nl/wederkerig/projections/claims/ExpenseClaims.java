package nl.wederkerig.projections.claims;

import nl.wederkerig.core.claims.Claim;
import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.ClaimInformationProvided;
import nl.wederkerig.core.claims.ClaimInformationRequested;
import nl.wederkerig.core.reconciliation.BankLinesMatched;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.SealedText;
import nl.wederkerig.core.claims.ClaimRejected;
import nl.wederkerig.core.claims.ClaimSubmitted;
import nl.wederkerig.core.claims.RejectionReason;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReasonCode;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Each expense claim as it stands and the history of its steps, from the claim's own events and
 * the fund's payments of it. A plain class like every projection; Spring only supplies the
 * {@link JdbcTemplate}.
 */
@ProcessingGroup(ExpenseClaims.PROCESSING_GROUP)
public class ExpenseClaims {

    public static final String PROCESSING_GROUP = "claims";

    /**
     * Most steps one claim lists: a claim handles at most {@link Claim#MAX_COMMANDS} commands, and
     * a fund pays it at most once between reversals, so this is far above any real history.
     */
    public static final int MAX_LISTED_STEPS = 2 * Claim.MAX_COMMANDS;

    public static final ReadModel READ_MODEL = new ReadModel("expense claims", PROCESSING_GROUP,
            List.of(new ReadModel.Table("claim_record", List.of("claim_id")),
                    new ReadModel.Table("claim_step", List.of("claim_id", "step_no"))),
            ExpenseClaims::new);

    private final JdbcTemplate jdbc;

    public ExpenseClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(jdbc);
    }

    @EventHandler
    void on(ClaimSubmitted event) {
        jdbc.update("""
                INSERT INTO claim_record (claim_id, community_id, initiative_id, claimant_id, currency, amount_cents, category,
                    receipt, status, submitted_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.claimId().value(), event.communityId().value(), event.initiativeId().value(), event.claimant().value(),
                event.amount().currency().getCurrencyCode(), event.amount().cents(), event.category().name(),
                event.receipt().value(), ClaimState.SUBMITTED.name(), event.businessDate());
        step(event.claimId(), ClaimStepKind.SUBMITTED, event.businessDate(), event.actor(), null, null, null);
    }

    @EventHandler
    void on(ClaimApproved event) {
        decide(event.claimId(), ClaimState.SUBMITTED, ClaimState.APPROVED);
        step(event.claimId(), ClaimStepKind.APPROVED, event.businessDate(), event.actor(), null, null, null);
    }

    @EventHandler
    void on(ClaimRejected event) {
        // A claimant who never answers a question can still be told no.
        decide(event.claimId(), List.of(ClaimState.SUBMITTED, ClaimState.NEEDS_INFORMATION), ClaimState.REJECTED);
        step(event.claimId(), ClaimStepKind.REJECTED, event.businessDate(), event.actor(), null, event.reason(),
                event.reasonCode());
    }

    @EventHandler
    void on(ClaimInformationRequested event) {
        decide(event.claimId(), ClaimState.SUBMITTED, ClaimState.NEEDS_INFORMATION);
        step(event.claimId(), ClaimStepKind.INFORMATION_REQUESTED, event.businessDate(), event.actor(), null, null, null);
        note(event.claimId(), event.question());
    }

    @EventHandler
    void on(ClaimInformationProvided event) {
        decide(event.claimId(), ClaimState.NEEDS_INFORMATION, ClaimState.SUBMITTED);
        step(event.claimId(), ClaimStepKind.INFORMATION_PROVIDED, event.businessDate(), event.actor(), null, null, null);
        note(event.claimId(), event.answer());
    }

    @EventHandler
    void on(ClaimPaid event) {
        decide(event.claimId(), ClaimState.APPROVED, ClaimState.PAID);
        step(event.claimId(), ClaimStepKind.PAID, event.businessDate(), event.actor(), event.channel(), null, null);
        jdbc.update("UPDATE claim_record SET payment_entry = ? WHERE claim_id = ?", event.commandId().value(), event.claimId().value());
    }

    /**
     * A bank line matched to a claim's payment (or the payment booked from it): the payment is seen on
     * the bank. A payment recorded by hand shows without this step until then.
     */
    @EventHandler
    void on(BankLinesMatched event) {
        for (CommandId entry : event.entryIds()) {
            List<String> paid = jdbc.queryForList("""
                    SELECT claim_id FROM claim_record WHERE community_id = ? AND initiative_id = ? AND payment_entry = ?
                       AND status = 'PAID'""", String.class,
                    event.communityId().value(), event.initiativeId().value(), entry.value());
            for (String claim : paid) {
                step(ClaimId.of(claim), ClaimStepKind.PAYMENT_MATCHED, event.businessDate(), event.actor(), Channel.BANK, null, null);
            }
        }
    }

    /** Only a reversed claim payment concerns a claim: it is approved and unpaid again. */
    @EventHandler
    void on(FundEntryReversed event) {
        if (event.original() instanceof ClaimPaid paid) {
            decide(paid.claimId(), ClaimState.PAID, ClaimState.APPROVED);
            jdbc.update("UPDATE claim_record SET payment_entry = NULL WHERE claim_id = ?", paid.claimId().value());
            step(paid.claimId(), ClaimStepKind.PAYMENT_REVERSED, event.businessDate(), event.actor(), paid.channel(), null, null);
        }
    }

    /** One claim with its history, if it exists in that community. */
    public Optional<ClaimView> claim(CommunityId community, ClaimId claim) {
        List<ClaimStep> steps = jdbc.query("""
                SELECT s.kind, s.business_date, s.actor_id, s.channel, s.reason, s.reason_code
                  FROM claim_step s JOIN claim_record c ON c.claim_id = s.claim_id
                 WHERE c.community_id = ? AND s.claim_id = ?
                 ORDER BY s.step_no
                 LIMIT ?""",
                (rs, i) -> new ClaimStep(ClaimStepKind.valueOf(rs.getString("kind")), rs.getObject("business_date", LocalDate.class),
                        MemberId.of(rs.getString("actor_id")), optional(rs.getString("channel"), Channel::valueOf),
                        optional(rs.getString("reason"), RejectionReason::valueOf), optional(rs.getString("reason_code"), ReasonCode::of)),
                community.value(), claim.value(), MAX_LISTED_STEPS);
        return jdbc.query("SELECT * FROM claim_record WHERE community_id = ? AND claim_id = ?",
                (rs, i) -> claim(rs, steps),
                community.value(), claim.value()).stream().findFirst();
    }

    /**
     * The questions about a claim and the claimant's answers, oldest first, sealed with the
     * claimant's key; empty for an unknown claim or one of another community.
     */
    public List<ClaimNote> notes(CommunityId community, ClaimId claim) {
        return jdbc.query("""
                SELECT s.kind, s.business_date, s.actor_id, s.note_key_id, s.note_sealed
                  FROM claim_step s JOIN claim_record c ON c.claim_id = s.claim_id
                 WHERE c.community_id = ? AND s.claim_id = ? AND s.note_sealed IS NOT NULL
                 ORDER BY s.step_no
                 LIMIT ?""",
                (rs, i) -> new ClaimNote(ClaimStepKind.valueOf(rs.getString("kind")), rs.getObject("business_date", LocalDate.class),
                        MemberId.of(rs.getString("actor_id")), new SealedText(rs.getString("note_key_id"), rs.getString("note_sealed"))),
                community.value(), claim.value(), MAX_LISTED_STEPS);
    }

    /** Whether a bank line was matched to the claim's standing payment; false for a payment recorded by hand and not yet seen. */
    public static boolean paymentMatched(List<ClaimStep> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            ClaimStepKind kind = steps.get(i).kind();
            if (kind == ClaimStepKind.PAYMENT_MATCHED) {
                return true;
            }
            if (kind == ClaimStepKind.PAID || kind == ClaimStepKind.PAYMENT_REVERSED) {
                return false;
            }
        }
        return false;
    }

    /** Most claims one initiative's full list (the kascommissie's view) shows. */
    public static final int MAX_LISTED = 1_000;

    /** All claims of an initiative, whatever their status, newest first, without their steps: what the kascommissie audits. */
    public List<ClaimView> ofInitiative(CommunityId community, InitiativeId initiative) {
        return jdbc.query("""
                SELECT * FROM claim_record WHERE community_id = ? AND initiative_id = ?
                 ORDER BY submitted_on DESC, claim_id LIMIT ?""",
                ExpenseClaims::withoutSteps,
                community.value(), initiative.value(), MAX_LISTED);
    }

    /** Most claims one queue lists. */
    public static final int MAX_QUEUED = 1_000;

    /**
     * An initiative's claims still to decide, to hear back on or to pay (submitted, needs information,
     * approved), oldest first, without their steps: the treasurer's queue.
     */
    public List<ClaimView> open(CommunityId community, InitiativeId initiative) {
        return jdbc.query("""
                SELECT * FROM claim_record WHERE community_id = ? AND initiative_id = ? AND status IN ('SUBMITTED', 'NEEDS_INFORMATION', 'APPROVED')
                 ORDER BY submitted_on, claim_id LIMIT ?""",
                ExpenseClaims::withoutSteps,
                community.value(), initiative.value(), MAX_QUEUED);
    }

    /** Most claims one member's list shows. */
    public static final int MAX_OWN_LISTED = 200;

    /** A member's own claims in the community, newest first, without their steps: "Mijn declaraties". */
    public List<ClaimView> ofClaimant(CommunityId community, MemberId claimant) {
        return jdbc.query("""
                SELECT * FROM claim_record WHERE community_id = ? AND claimant_id = ?
                 ORDER BY submitted_on DESC, claim_id LIMIT ?""",
                ExpenseClaims::withoutSteps,
                community.value(), claimant.value(), MAX_OWN_LISTED);
    }

    /** A claim_record row as a claim without its steps: what the lists show. */
    private static ClaimView withoutSteps(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return claim(rs, List.of());
    }

    private static ClaimView claim(java.sql.ResultSet rs, List<ClaimStep> steps) throws java.sql.SQLException {
        return new ClaimView(ClaimId.of(rs.getString("claim_id")), InitiativeId.of(rs.getString("initiative_id")),
                MemberId.of(rs.getString("claimant_id")),
                Money.ofCents(rs.getLong("amount_cents"), Currency.getInstance(rs.getString("currency").trim())),
                ExpenseCategory.valueOf(rs.getString("category")), ReceiptReference.of(rs.getString("receipt")),
                ClaimState.valueOf(rs.getString("status")), rs.getObject("submitted_on", LocalDate.class), steps);
    }

    private static <T> T optional(String value, java.util.function.Function<String, T> parse) {
        return value == null ? null : parse.apply(value);
    }

    /** The claim moves from {@code from} to {@code to}, or the read model is out of step and stops. */
    private void decide(ClaimId claim, ClaimState from, ClaimState to) {
        decide(claim, List.of(from), to);
    }

    private void decide(ClaimId claim, List<ClaimState> from, ClaimState to) {
        List<String> states = jdbc.queryForList("SELECT status FROM claim_record WHERE claim_id = ?", String.class, claim.value());
        if (states.size() != 1 || from.stream().noneMatch(state -> state.name().equals(states.get(0)))) {
            throw new IllegalStateException("expense claims out of step: claim " + claim + " was not " + from);
        }
        jdbc.update("UPDATE claim_record SET status = ? WHERE claim_id = ?", to.name(), claim.value());
    }

    /** The sealed question or answer of the step just written (the claim's last one). */
    private void note(ClaimId claim, SealedText text) {
        jdbc.update("""
                UPDATE claim_step SET note_key_id = ?, note_sealed = ?
                 WHERE claim_id = ? AND step_no = (SELECT MAX(step_no) FROM claim_step WHERE claim_id = ?)""",
                text.keyId(), text.ciphertextBase64(), claim.value(), claim.value());
    }

    /** The next step of the claim, numbered after the last one (one processor thread writes these rows). */
    private void step(ClaimId claim, ClaimStepKind kind, LocalDate on, MemberId actor, Channel channel,
                      RejectionReason reason, ReasonCode reasonCode) {
        jdbc.update("""
                INSERT INTO claim_step (claim_id, step_no, kind, business_date, actor_id, channel, reason, reason_code)
                SELECT ?, COALESCE(MAX(step_no), 0) + 1, ?, ?, ?, ?, ?, ? FROM claim_step WHERE claim_id = ?""",
                claim.value(), kind.name(), on, actor.value(), channel == null ? null : channel.name(),
                reason == null ? null : reason.name(), reasonCode == null ? null : reasonCode.value(), claim.value());
    }
}
