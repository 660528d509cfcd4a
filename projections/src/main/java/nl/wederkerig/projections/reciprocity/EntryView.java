package nl.wederkerig.projections.reciprocity;

import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/**
 * One reciprocity entry or reversal as the coordinator's list shows it.
 *
 * @param entryId   the id of the command that recorded it (what a reversal names)
 * @param kind      HOURS, SERVICE, MONEY or IN_KIND
 * @param category  the service or in-kind category, or null
 * @param reversal  this row reverses an earlier entry (same amounts as that entry)
 * @param reversed  a later reversal reverses this entry
 */
public record EntryView(String entryId, InitiativeId initiativeId, String kind, String category, boolean reversal,
                        long minutes, int serviceCount, Money amount, LocalDate businessDate, boolean reversed) {
}
