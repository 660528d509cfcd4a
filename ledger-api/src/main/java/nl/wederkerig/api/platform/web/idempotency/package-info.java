/** Idempotency-Key: a retried request gets the original answer and runs only once. */
package nl.wederkerig.api.platform.web.idempotency;
