package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;

/**
 * What an import did, as the fund answers {@link ImportStatement}: how many of the statement's
 * lines were new and how many were imported before, and how it relates to the previous statement.
 * {@code recorded} is false when the statement added nothing (no new line, no new day): then no
 * event was recorded.
 */
public record StatementImportOutcome(CommandId statementId, Continuity continuity, int lines, int newLines, int alreadyImported,
                                     boolean recorded) {
}
