package nl.wederkerig.api.trust;

import jakarta.validation.constraints.NotNull;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;

import java.time.LocalDate;
import java.util.List;

/** Request and answer bodies for consent to a trust history. The neighbour who consents is the logged-in member. */
public final class TrustRequests {

    private TrustRequests() {
    }

    public record SharingConsent(@NotNull CommandId commandId, @NotNull MemberId viewer, LocalDate businessDate) {
    }

    public record SharingWithdrawal(@NotNull CommandId commandId, LocalDate businessDate) {
    }

    /** What a consent command answers: the command and the neighbour it concerns. */
    public record SharingRecorded(CommandId commandId, MemberId viewer) {
    }

    /**
     * @param sharedWith the neighbours who may see this neighbour's history
     * @param sharedBy   the neighbours whose history this neighbour may see
     */
    public record TrustSharing(List<MemberId> sharedWith, List<MemberId> sharedBy) {
    }
}
