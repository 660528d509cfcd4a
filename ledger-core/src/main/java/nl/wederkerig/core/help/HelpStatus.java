package nl.wederkerig.core.help;

/** Where a record of help stands. */
public enum HelpStatus {
    RECORDED,
    CONFIRMED,
    DISPUTED
}
