package nl.wederkerig.core.advances;

/**
 * What an advance paid for. A closed list rather than free text: free text about a person is
 * personal data and must never stand in an event in the clear.
 */
public enum Purpose {
    GROCERIES,
    PHARMACY,
    TRANSPORT,
    HOUSEHOLD,
    OTHER
}
