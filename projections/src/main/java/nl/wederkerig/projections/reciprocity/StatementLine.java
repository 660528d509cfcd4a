package nl.wederkerig.projections.reciprocity;

import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;

import java.util.Map;

/**
 * Drawn versus returned for one initiative (or, with no initiative, in total). Counts are strings
 * shown through {@link SmallCounts} ("7" or "< 5").
 *
 * @param initiativeId    the initiative, or null on the total line
 * @param unvaluedMinutes minutes drawn on dates before any hour valuation was in force
 * @param drawnValue      each entry valued with the hour valuation in force on its own date
 * @param balance         returned (money plus in kind) minus drawn value: positive when the partner gave back more
 */
public record StatementLine(InitiativeId initiativeId, long drawnMinutes, long unvaluedMinutes, Money drawnValue,
                            String hoursEntries, Map<ServiceCategory, String> servicesDrawn,
                            Money returnedMoney, String moneyReturns, Money returnedInKind, String inKindReturns,
                            Money balance) {
}
