/**
 * Balances between neighbours: what is outstanding per advance, per pair and per neighbour.
 */
package nl.wederkerig.projections.balances;
