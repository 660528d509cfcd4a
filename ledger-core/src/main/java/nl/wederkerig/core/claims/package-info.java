/**
 * Expense claims (declaraties): a volunteer claims what they paid from their own pocket; a treasurer who is not
 * the claimant approves or rejects it; the fund pays it ({@code funds.ClaimPayments}).
 */
package nl.wederkerig.core.claims;
