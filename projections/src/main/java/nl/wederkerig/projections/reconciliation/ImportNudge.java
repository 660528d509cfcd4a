package nl.wederkerig.projections.reconciliation;

import java.time.LocalDate;

/**
 * When a statement was last imported, and whether to nudge: banks keep downloads for 12 to 18
 * months only, so after {@link BankReconciliations#NUDGE_AFTER_DAYS} days without an import the
 * initiative's page says so. {@code lastImportedOn} is null when nothing was ever imported (then
 * the nudge is due once an account is linked).
 */
public record ImportNudge(LocalDate lastImportedOn, long daysSince, boolean due) {
}
