package nl.wederkerig.projections.funds;

import nl.wederkerig.core.shared.InitiativeId;

/**
 * An initiative's calendar year beside the year before it: the annual report for funders. Both
 * years list the same partners in the same order, so their rows line up.
 */
public record AnnualReport(InitiativeId initiativeId, AnnualFigures current, AnnualFigures previous) {
}
