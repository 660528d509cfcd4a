package nl.wederkerig.core.help;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The receiver disputed the help. */
public record HelpDisputed(
        HelpId helpId,
        CommunityId communityId,
        CommandId commandId,
        HelpDisputeReason reason,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
