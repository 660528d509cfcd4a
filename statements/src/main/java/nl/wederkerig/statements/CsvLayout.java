package nl.wederkerig.statements;

import java.util.Locale;

/**
 * The banks whose CSV (or tab-separated) exports the reader knows. Column layouts, and where each
 * came from, are documented on the parser ({@code CsvStatementParser}) and in docs/read-models.md.
 */
public enum CsvLayout {
    ING(StatementFormat.CSV_ING),
    RABOBANK(StatementFormat.CSV_RABOBANK),
    ABNAMRO(StatementFormat.CSV_ABNAMRO),
    TRIODOS(StatementFormat.CSV_TRIODOS);

    private final StatementFormat format;

    CsvLayout(StatementFormat format) {
        this.format = format;
    }

    public StatementFormat format() {
        return format;
    }

    /** The layout named in a request ({@code ?layout=ing|rabobank|abnamro|triodos}); anything else is refused. */
    public static CsvLayout fromParameter(String name) {
        if (name != null && name.length() <= 16) {
            for (CsvLayout layout : values()) {
                if (layout.name().toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return layout;
                }
            }
        }
        throw new StatementRefused(StatementRefused.Reason.UNKNOWN_LAYOUT, 0, "unknown CSV layout; use ing, rabobank, abnamro or triodos");
    }
}
