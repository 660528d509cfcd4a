package nl.wederkerig.core.help;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The receiver confirmed the help. */
public record HelpConfirmed(
        HelpId helpId,
        CommunityId communityId,
        CommandId commandId,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
