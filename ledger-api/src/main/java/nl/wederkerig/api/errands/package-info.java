/**
 * HTTP resources and pages for errands with entrusted cash: start, one errand as it stands, report
 * spending (with a photo or PDF of the receipt, kept sealed by the claims' ReceiptStore), the
 * receipt file for the two parties, hand back the change.
 */
package nl.wederkerig.api.errands;
