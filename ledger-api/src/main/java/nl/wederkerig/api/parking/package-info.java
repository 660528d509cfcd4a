/**
 * Parked events (issue 17): events a read model refused, kept aside per sequence (aggregate) so
 * every other sequence keeps flowing; shown to a coordinator with the reason, retried after a fix,
 * and reported by health while any are parked.
 */
package nl.wederkerig.api.parking;
