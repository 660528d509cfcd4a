/**
 * The community (wijk): members by pseudonymous id, initiatives, partners and roles, administered only by a
 * coordinator; the limit on open advances per borrower (enforced by {@link nl.wederkerig.core.advances.AdvanceLimitGuard})
 * and the valuation of a volunteer hour.
 */
package nl.wederkerig.core.community;
