package nl.wederkerig.projections.claims;

import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;

import java.time.LocalDate;

/**
 * A question about a claim or the claimant's answer, as recorded: sealed with the claimant's key.
 * Only an application service that has checked who asks opens it.
 */
public record ClaimNote(ClaimStepKind kind, LocalDate on, MemberId actor, SealedText text) {
}
