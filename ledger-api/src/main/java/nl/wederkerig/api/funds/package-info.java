/**
 * HTTP resources for initiative funds: the treasurer's money entries (contributions, expenses,
 * transfers, reversals, paying an approved claim), the fund's balance as of a date and the period report.
 */
package nl.wederkerig.api.funds;
