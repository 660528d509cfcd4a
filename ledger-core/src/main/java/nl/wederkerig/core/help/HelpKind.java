package nl.wederkerig.core.help;

/** What kind of help; a closed list so no free text about a person's situation enters an event. */
public enum HelpKind {
    COMPANY,
    ERRANDS,
    TRANSPORT,
    HOUSEHOLD,
    ADMINISTRATION,
    CARE,
    OTHER
}
