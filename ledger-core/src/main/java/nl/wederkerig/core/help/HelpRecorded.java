package nl.wederkerig.core.help;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;

import java.time.Instant;
import java.time.LocalDate;

/** The helper gave {@code hours} of help to the receiver. Nobody owes hours back; the history shows who gives and who receives. */
public record HelpRecorded(
        HelpId helpId,
        CommunityId communityId,
        MemberId helper,
        MemberId receiver,
        Hours hours,
        HelpKind kind,
        SealedText note,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
