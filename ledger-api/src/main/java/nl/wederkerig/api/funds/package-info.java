/**
 * HTTP resources for initiative funds: the fund's balance as of a date and the period report.
 */
package nl.wederkerig.api.funds;
