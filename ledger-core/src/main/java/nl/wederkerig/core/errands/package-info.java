/**
 * Errands with entrusted cash: the asker hands the helper cash, the helper reports spending with a receipt
 * reference and hands back the change; spending more than entrusted becomes an advance from helper to asker.
 */
package nl.wederkerig.core.errands;
