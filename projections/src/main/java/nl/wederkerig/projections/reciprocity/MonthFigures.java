package nl.wederkerig.projections.reciprocity;

import nl.wederkerig.core.shared.Money;

import java.time.YearMonth;

/**
 * Drawn versus returned in one calendar month, valued as in a statement, with no counts: a month
 * is a small cell, and amounts of what the partner itself drew and returned name nobody.
 *
 * @param runningBalance the balance (returned minus drawn value) of everything up to the end of this month
 */
public record MonthFigures(YearMonth month, long drawnMinutes, long unvaluedMinutes, Money drawnValue,
                           Money returnedMoney, Money returnedInKind, Money balance, Money runningBalance) {
}
