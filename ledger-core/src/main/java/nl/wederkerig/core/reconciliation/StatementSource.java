package nl.wederkerig.core.reconciliation;

/**
 * The file format a statement came in. The names are those of the statements module's
 * {@code StatementFormat}, so the application maps one to the other by name.
 */
public enum StatementSource {
    CAMT053,
    MT940,
    CSV_ING,
    CSV_RABOBANK,
    CSV_ABNAMRO,
    CSV_TRIODOS
}
