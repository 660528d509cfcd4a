package nl.wederkerig.statements;

/** The file formats the reader knows; {@link #code()} is the stable name used in events and the API. */
public enum StatementFormat {
    CAMT053("camt053"),
    MT940("mt940"),
    CSV_ING("csv-ing"),
    CSV_RABOBANK("csv-rabobank"),
    CSV_ABNAMRO("csv-abnamro"),
    CSV_TRIODOS("csv-triodos");

    private final String code;

    StatementFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
