/**
 * Corrections: a money entry is never edited; it is reversed, once, by a new event that names it
 * (by the id of the command that made it) with a closed {@link nl.wederkerig.core.corrections.ReversalReason},
 * and whose journal entry is the exact mirror of the original. Each capability reverses its own
 * entries (only it knows what a reversal does to its state, e.g. the cash box may not go
 * negative); this package holds what they share.
 */
package nl.wederkerig.core.corrections;
