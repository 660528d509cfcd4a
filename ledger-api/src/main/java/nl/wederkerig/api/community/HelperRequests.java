package nl.wederkerig.api.community;

import jakarta.validation.constraints.NotNull;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;

import java.time.LocalDate;
import java.util.List;

/**
 * Request and answer bodies for naming a helper: a neighbour (often without a phone) consents that
 * another neighbour may record advances and help on their behalf. The neighbour who consents is
 * the logged-in member.
 */
public final class HelperRequests {

    private HelperRequests() {
    }

    public record HelperConsent(@NotNull CommandId commandId, @NotNull MemberId helper, LocalDate businessDate) {
    }

    public record HelperWithdrawal(@NotNull CommandId commandId, LocalDate businessDate) {
    }

    /** What a consent command answers: the command and the helper it concerns. */
    public record HelperRecorded(CommandId commandId, MemberId helper) {
    }

    /**
     * @param helpers     whom this neighbour named: who may record on their behalf
     * @param representing whose behalf this neighbour may record on (they named this neighbour)
     */
    public record HelperList(List<MemberId> helpers, List<MemberId> representing) {
    }
}
