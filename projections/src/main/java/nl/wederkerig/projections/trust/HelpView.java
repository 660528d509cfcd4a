package nl.wederkerig.projections.trust;

import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpStatus;
import nl.wederkerig.core.shared.MemberId;

import java.time.LocalDate;

/**
 * One record of help in hours as it stands: who gave it to whom, how many minutes, of what kind,
 * and whether the receiver confirmed or disputed it (and when, last). A disputed record's minutes
 * do not count anywhere until the receiver confirms it after all. The sealed note is not shown.
 */
public record HelpView(
        HelpId helpId,
        MemberId helper,
        MemberId receiver,
        long minutes,
        HelpKind kind,
        HelpStatus status,
        LocalDate givenOn,
        LocalDate disputedOn,
        LocalDate confirmedOn,
        MemberId recordedBy) {
}
