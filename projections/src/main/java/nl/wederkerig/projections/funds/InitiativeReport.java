package nl.wederkerig.projections.funds;

import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;

/**
 * An initiative's period beside the period of equal length just before it, so funders and the
 * treasurer compare like with like. {@code change} is current minus previous.
 */
public record InitiativeReport(InitiativeId initiativeId, PeriodFigures current, PeriodFigures previous, Change change) {

    /** Current minus previous for the headline figures. */
    public record Change(Money incomeTotal, Money expensesTotal, Money closingBalance, long claimsSubmittedCount,
                         long partnerHoursMinutes) {

        static Change between(PeriodFigures current, PeriodFigures previous) {
            return new Change(current.incomeTotal().minus(previous.incomeTotal()),
                    current.expensesTotal().minus(previous.expensesTotal()),
                    current.closingBalance().minus(previous.closingBalance()),
                    current.claimsSubmitted().count() - previous.claimsSubmitted().count(),
                    current.partnerHoursMinutes() - previous.partnerHoursMinutes());
        }
    }
}
