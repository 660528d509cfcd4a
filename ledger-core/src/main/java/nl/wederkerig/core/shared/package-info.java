/**
 * Value types every capability shares: {@link nl.wederkerig.core.shared.Money}, {@link nl.wederkerig.core.shared.Hours},
 * the typed ids, and the base of every typed business-rule failure ({@link nl.wederkerig.core.shared.RuleViolation}).
 */
package nl.wederkerig.core.shared;
