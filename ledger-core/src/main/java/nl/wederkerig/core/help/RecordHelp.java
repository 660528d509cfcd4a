package nl.wederkerig.core.help;

import nl.wederkerig.core.shared.CreatesRecord;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The helper records hours of help given to the receiver. An optional note is sealed with the receiver's key (it is about them). The help id is the command id. */
public record RecordHelp(
        @TargetAggregateIdentifier HelpId helpId,
        CommunityId communityId,
        MemberId helper,
        MemberId receiver,
        Hours hours,
        HelpKind kind,
        SealedText note,
        LocalDate businessDate,
        MemberId actor) implements CreatesRecord {
}
