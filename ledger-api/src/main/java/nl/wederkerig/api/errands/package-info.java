/**
 * HTTP resources for errands with entrusted cash: start, report spending, hand back the change.
 * No read model holds one errand yet, so there is no GET for it; the trust history counts errands.
 */
package nl.wederkerig.api.errands;
