package nl.wederkerig.api.reciprocity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.reciprocity.InKindCategory;
import nl.wederkerig.core.reciprocity.PartnerAccount;
import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;

import java.time.LocalDate;

/**
 * Request bodies for reciprocity entries. Each names the initiative that gave or received; who
 * records is the logged-in member. Hours are whole minutes. A missing business date means today.
 */
public final class ReciprocityRequests {

    private ReciprocityRequests() {
    }

    public record HoursDrawnEntry(@NotNull CommandId commandId, @NotNull InitiativeId initiativeId, @NotNull Hours hours,
                           LocalDate businessDate) {
    }

    public record ServiceDrawnEntry(@NotNull CommandId commandId, @NotNull InitiativeId initiativeId,
                             @NotNull ServiceCategory category,
                             @NotNull @Min(1) @Max(PartnerAccount.MAX_SERVICE_COUNT) Integer count, LocalDate businessDate) {
    }

    public record MoneyReturnedEntry(@NotNull CommandId commandId, @NotNull InitiativeId initiativeId, @NotNull Money amount,
                              LocalDate businessDate) {
    }

    public record InKindReturnedEntry(@NotNull CommandId commandId, @NotNull InitiativeId initiativeId,
                               @NotNull InKindCategory category, @NotNull Money value, LocalDate businessDate) {
    }

    public record ReciprocityReversal(@NotNull CommandId commandId, @NotNull ReversalReason reason, LocalDate businessDate) {
    }

    /** What an entry answers: the partner and the id of the command recorded (which names the entry). */
    public record RecordedReciprocityEntry(PartnerId partnerId, CommandId commandId) {
    }
}
