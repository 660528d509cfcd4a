package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** The member who closed a period cannot reopen it: another treasurer or a coordinator does. */
public final class ReopenNeedsSecondPerson extends RuleViolation {

    public ReopenNeedsSecondPerson(Object member) {
        super("member " + member + " closed this period and cannot reopen it");
    }

    @Override
    public String code() {
        return "reopen-needs-second-person";
    }
}
