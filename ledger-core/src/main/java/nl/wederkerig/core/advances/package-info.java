/**
 * Advances (voorschieten): a lender pays an amount on behalf of a borrower; the borrower
 * acknowledges or disputes it and reimburses, in part or in full; the lender confirms receipt and
 * may forgive the rest, or cancel an advance the borrower has not acknowledged.
 */
package nl.wederkerig.core.advances;
