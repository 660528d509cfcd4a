package nl.wederkerig.core.advances;

/** Where an advance stands. Only the open states accept reimbursements. */
public enum AdvanceStatus {
    /** Made by the lender, not yet acknowledged or disputed by the borrower. */
    MADE,
    ACKNOWLEDGED,
    DISPUTED,
    /** Reimbursed in full. */
    SETTLED,
    /** The lender forgave what was left. */
    FORGIVEN,
    /** The lender withdrew it before the borrower acknowledged it. */
    CANCELLED;

    public boolean isClosed() {
        return this == SETTLED || this == FORGIVEN || this == CANCELLED;
    }
}
