package nl.wederkerig.projections.claims;

import nl.wederkerig.core.claims.RejectionReason;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.ReasonCode;

import java.time.LocalDate;

/**
 * One step of a claim, in the order recorded: who took it, on what business date; the channel a
 * payment (or its reversal) went through; the reason of a rejection.
 */
public record ClaimStep(ClaimStepKind kind, LocalDate on, MemberId actor, Channel channel, RejectionReason reason,
                        ReasonCode reasonCode) {
}
