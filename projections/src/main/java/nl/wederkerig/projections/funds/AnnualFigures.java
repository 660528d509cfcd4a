package nl.wederkerig.projections.funds;

import nl.wederkerig.projections.reconciliation.ReconciliationAsOf;

import java.time.Year;
import java.util.List;

/**
 * One calendar year of an initiative, for funders: the fund's figures (income by source, expenses
 * by category, claims paid, volunteer hours drawn by partners, opening and closing balance), the
 * reciprocity position of every partner that drew from or returned to the initiative in this year or
 * the year beside it, and where the reconciliation stood at the year's end. Never a person.
 *
 * @param reconciliation null while the initiative has no bank account linked
 */
public record AnnualFigures(Year year, PeriodFigures fund, List<PartnerPosition> partners, ReconciliationAsOf reconciliation) {
}
