package nl.wederkerig.api.community;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.wederkerig.api.logins.OneTimeCodes;
import nl.wederkerig.core.advances.AdvanceBook;
import nl.wederkerig.core.community.CommunityName;
import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.RoleKind;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies for the coordinator's work. None names the coordinator: who acts is the logged-in
 * member. A missing business date means today.
 */
public final class CommunityRequests {

    private CommunityRequests() {
    }

    /**
     * A neighbour to register. Their login (username = member id) gets no password from anyone:
     * the answer carries a one-time invitation code with which the neighbour chooses it.
     */
    public record MemberRegistration(@NotNull CommandId commandId, @NotNull MemberId memberId, LocalDate businessDate) {
    }

    /** A one-time code as handed out: shown once, to be printed or read out to the person it is for. */
    public record Invitation(String code, String username, Instant expiresAt) {

        static Invitation of(OneTimeCodes.Issued issued) {
            return new Invitation(issued.code(), issued.username(), issued.expiresAt());
        }

        @Override
        public String toString() {
            return "Invitation[" + username + ", until " + expiresAt + "]";
        }
    }

    /** What registering a member answers: the ids recorded and the invitation for the neighbour. */
    public record RecordedMember(CommunityId communityId, CommandId commandId, MemberId memberId, Invitation invitation) {
    }

    /**
     * Founding the first wijk on a fresh installation, by whoever holds the one-time setup token;
     * they become its first coordinator with the password they choose here.
     */
    public record FirstFounding(@NotNull @Size(max = 200) String token, @NotNull CommunityId communityId,
                                @NotNull CommunityName name, @NotNull MemberId coordinator, @NotNull String password) {

        @Override
        public String toString() {
            // Never print the token or the password.
            return "FirstFounding[" + communityId + ", " + coordinator + "]";
        }
    }

    /** A further wijk on this installation, founded by a system administrator for its first coordinator. */
    public record Founding(@NotNull CommunityId communityId, @NotNull CommunityName name, @NotNull MemberId coordinator,
                           LocalDate businessDate) {
    }

    /** What founding answers: the community, its coordinator, and their invitation when they still choose a password. */
    public record Founded(CommunityId communityId, MemberId coordinator, Invitation invitation) {
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

    /**
     * What a volunteer hour is worth from {@code effectiveFrom} on, and how that amount was arrived
     * at ({@code method}: one of the four named methods; UNSPECIFIED is only what old valuations read as).
     */
    public record HourValuationChange(@NotNull CommandId commandId, @NotNull Money perHour, @NotNull LocalDate effectiveFrom,
                               @NotNull HourValuationMethod method, LocalDate businessDate) {
    }

    /**
     * A community as its members see it: how many neighbours belong to it now, and whom to ask
     * (its coordinators). Where a founding's {@code Location} points.
     */
    public record CommunityView(CommunityId communityId, int currentMembers, List<MemberId> coordinators) {
        public CommunityView {
            coordinators = List.copyOf(coordinators);
        }
    }

    /** What a coordinator's command answers: the community and the id of the command recorded. */
    /** A coordinator records that a member left (issue 11); the member is in the path. */
    public record Departure(@NotNull CommandId commandId, LocalDate businessDate) {
    }

    public record RecordedAdministration(CommunityId communityId, CommandId commandId) {
    }
}
