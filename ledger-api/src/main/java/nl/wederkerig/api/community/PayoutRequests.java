package nl.wederkerig.api.community;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;

import java.time.LocalDate;

/**
 * Request and answer bodies for a neighbour's own payout details. No member id: they are always
 * the signed-in neighbour's. The texts are checked (IBAN checksum, https link) before they are
 * sealed; a missing business date means today.
 */
public final class PayoutRequests {

    private PayoutRequests() {
    }

    /** The IBAN as people write it (spaces, any case), the name on the account, and optionally a payment link. */
    public record PayoutDetailsChange(@NotNull CommandId commandId, @NotNull @Size(max = 68) String iban,
                                      @NotNull @Size(max = 200) String accountHolder,
                                      @Size(max = 400) String paymentLink, LocalDate businessDate) {

        @Override
        public String toString() {
            return "PayoutDetailsChange[" + commandId + "]"; // never the details themselves in a log
        }
    }

    /** What the owner sees of their details: the IBAN in groups of four. */
    public record PayoutDetailsView(String iban, String accountHolder, String paymentLink) {

        static PayoutDetailsView of(OpenedPayoutDetails details) {
            return new PayoutDetailsView(details.iban().formatted(), details.accountHolder().value(),
                    details.paymentLink() == null ? null : details.paymentLink().value());
        }

        @Override
        public String toString() {
            return "PayoutDetailsView[...]";
        }
    }

    public record PayoutRecorded(CommunityId communityId, CommandId commandId) {
    }
}
