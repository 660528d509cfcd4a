/**
 * Initiative funds: bank, cash box and open claims as of any business date, and a report per
 * period (income by source, expenses by category, claims, partner hours) beside the previous period.
 */
package nl.wederkerig.projections.funds;
