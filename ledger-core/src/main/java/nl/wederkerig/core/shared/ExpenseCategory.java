package nl.wederkerig.core.shared;

/**
 * What an initiative's money was spent on. Closed, so reports compare between periods and
 * initiatives, and no free text about a person can slip in. Shared by fund expenses and claims.
 */
public enum ExpenseCategory {
    FOOD,
    MATERIALS,
    RENT,
    TRANSPORT,
    ACTIVITIES,
    COMMUNICATION,
    INSURANCE,
    BANK_COSTS,
    VOLUNTEER_EXPENSES,
    OTHER;

    /** Segment for journal account names: lower-case with hyphens. */
    public String accountSegment() {
        return name().toLowerCase().replace('_', '-');
    }
}
