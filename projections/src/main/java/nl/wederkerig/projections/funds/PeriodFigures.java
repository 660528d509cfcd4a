package nl.wederkerig.projections.funds;

import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.Map;

/**
 * One initiative's figures for the business dates {@code from} to {@code to}, both inclusive.
 * Every source and category is present (zero when nothing happened) so two periods line up.
 *
 * @param openingBalance     bank plus cash box at the end of the day before {@code from}
 * @param closingBalance     bank plus cash box at the end of {@code to}
 * @param expensesByCategory expenses paid from the fund plus claims approved (an approved claim is
 *                           the expense; paying it later only settles what the initiative owes)
 * @param claimsPaid         payments less reversed payments
 * @param partnerHoursMinutes volunteer hours partners drew from the initiative, in minutes
 */
public record PeriodFigures(LocalDate from, LocalDate to, Money openingBalance, Money closingBalance,
                            Map<ContributionSource, Money> incomeBySource, Money incomeTotal,
                            Map<ExpenseCategory, Money> expensesByCategory, Money expensesTotal,
                            ClaimTally claimsSubmitted, ClaimTally claimsApproved, ClaimTally claimsRejected,
                            ClaimTally claimsPaid, long partnerHoursMinutes) {
}
