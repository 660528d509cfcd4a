/** A neighbour's own balances: the REST resource and the overview page, both through {@link nl.wederkerig.api.balances.Balances}. */
package nl.wederkerig.api.balances;
