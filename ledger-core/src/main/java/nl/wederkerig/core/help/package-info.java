/**
 * Help in hours (buurthulp): exact minutes from a helper to a receiver, confirmed or disputed by the receiver.
 * Nobody owes hours back; the history shows who gives and who receives.
 */
package nl.wederkerig.core.help;
