package nl.wederkerig.api.community;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.core.advances.AdvanceBook;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.RoleKind;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;

import java.time.LocalDate;

/**
 * Request bodies for the coordinator's work. None names the coordinator: who acts is the logged-in
 * member. A missing business date means today.
 */
public final class CommunityRequests {

    private CommunityRequests() {
    }

    /**
     * A neighbour to register, with the first password of their login (username = member id). The
     * coordinator hands it over in person; the neighbour changes it later.
     */
    public record MemberRegistration(@NotNull CommandId commandId, @NotNull MemberId memberId,
                              @NotNull @Size(min = LoginStore.MIN_PASSWORD_CHARS, max = LoginStore.MAX_PASSWORD_CHARS) String firstPassword,
                              LocalDate businessDate) {

        @Override
        public String toString() {
            // Never print the password.
            return "MemberRegistration[" + commandId + ", " + memberId + "]";
        }
    }

    public record InitiativeRegistration(@NotNull CommandId commandId, @NotNull InitiativeId initiativeId,
                                  @NotNull InitiativeKind kind, LocalDate businessDate) {
    }

    public record PartnerRegistration(@NotNull CommandId commandId, @NotNull PartnerId partnerId, @NotNull PartnerKind kind,
                               LocalDate businessDate) {
    }

    /** A role to assign or revoke: a treasurer role names its initiative, a partner representative its partner. */
    public record RoleChange(@NotNull CommandId commandId, @NotNull RoleKind kind, InitiativeId initiativeId, PartnerId partnerId,
                      LocalDate businessDate) {
    }

    /** The limit on one neighbour's open advances; a part left out is not limited (both out: no limit). */
    public record AdvanceLimitChange(@NotNull CommandId commandId,
                              @Min(1) @Max(AdvanceBook.MAX_OPEN_ADVANCES) Integer maxOpenAdvances,
                              Money maxOpenTotal, LocalDate businessDate) {
    }

    public record HourValuationChange(@NotNull CommandId commandId, @NotNull Money perHour, @NotNull LocalDate effectiveFrom,
                               LocalDate businessDate) {
    }

    /** What a coordinator's command answers: the community and the id of the command recorded. */
    public record RecordedAdministration(CommunityId communityId, CommandId commandId) {
    }
}
