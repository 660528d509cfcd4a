/**
 * Expense claims as they stand and the history of their steps, so the claimant and the treasurers
 * can look one up: submitted, approved or rejected, paid, payment reversed.
 */
package nl.wederkerig.projections.claims;
