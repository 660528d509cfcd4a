/**
 * Crypto-shredding: personal free text is sealed with its subject's own key before it enters an
 * event; destroying the key erases the text everywhere while balances, which never depend on it,
 * stay correct.
 */
package nl.wederkerig.api.platform.privacy;
