package nl.wederkerig.api.help;

import jakarta.validation.constraints.NotNull;
import nl.wederkerig.core.help.HelpDisputeReason;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.MemberId;

import java.time.LocalDate;

/**
 * Request bodies. The helper is the logged-in member. Hours are whole minutes ({@code {"minutes":90}}),
 * the same shape every read model answers with: a third of an hour has no exact decimal form.
 * There is no note field yet: a note must be sealed with the receiver's key, and sealing again on a
 * retry would make the retry a different command.
 */
public final class HelpRequests {

    private HelpRequests() {
    }

    /** {@code onBehalfOf} (optional) names the helper when a coordinator or a neighbour the helper named records it for them. */
    public record HelpGiven(@NotNull HelpId helpId, @NotNull MemberId receiver, @NotNull Hours hours, @NotNull HelpKind kind,
                     LocalDate businessDate, MemberId onBehalfOf) {
    }

    public record HelpConfirmation(@NotNull CommandId commandId, LocalDate businessDate) {
    }

    public record HelpDispute(@NotNull CommandId commandId, @NotNull HelpDisputeReason reason, LocalDate businessDate) {
    }

    /** What a command answers: the record of help and the id of the command recorded. */
    public record RecordedHelp(HelpId helpId, CommandId commandId) {
    }
}
