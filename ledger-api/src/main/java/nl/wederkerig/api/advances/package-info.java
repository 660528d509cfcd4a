/** HTTP resources for advances between neighbours and their balances. */
package nl.wederkerig.api.advances;
