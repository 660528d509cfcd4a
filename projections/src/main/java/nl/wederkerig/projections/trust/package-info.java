/**
 * Trust histories: what a neighbour gave and received, how it was settled, and with how many
 * neighbours. A history, not a score: nothing here ranks or rates people.
 */
package nl.wederkerig.projections.trust;
