package nl.wederkerig.core.harness;

/**
 * One random step of a property run: what to do, and raw numbers the driver turns into a command.
 * Raw numbers (not finished commands) keep shrinking simple and let a step name things that exist.
 * A {@code fair} step acts as the right member on the right date, so that most records get past
 * their first step; an unfair one uses {@code who} and {@code daysBack} as drawn, and mostly breaks a rule.
 * A {@code who} or {@code whom} of {@code Driver.MEMBERS} is a stranger the community never
 * registered; see {@link Driver} for partners and initiatives it never registered.
 */
public record Step(Kind kind, boolean fair, int who, int whom, int pick, int id, long cents, int daysBack) {

    public enum Kind {
        MAKE_ADVANCE, ACKNOWLEDGE, DISPUTE, REIMBURSE, REVERSE_REIMBURSEMENT, CONFIRM_RECEIPT, FORGIVE, CANCEL,
        START_ERRAND, REPORT_ERRAND, RETURN_CHANGE,
        RECORD_HELP, CONFIRM_HELP, DISPUTE_HELP,
        CONTRIBUTE, SPEND, TRANSFER, REVERSE_FUND_ENTRY,
        SUBMIT_CLAIM, APPROVE_CLAIM, REJECT_CLAIM, PAY_CLAIM,
        HOURS_DRAWN, SERVICE_DRAWN, MONEY_RETURNED, IN_KIND_RETURNED, REVERSE_RECIPROCITY,
        SET_ADVANCE_LIMIT, REVOKE_TREASURER, DEREGISTER_MEMBER, REPEAT_EARLIER
    }
}
