package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** The coordinator who requested an erasure cannot confirm it: another coordinator or the member does. */
public final class ErasureNeedsSecondPerson extends RuleViolation {

    public ErasureNeedsSecondPerson(Object member) {
        super("member " + member + " requested this erasure; another coordinator or the member confirms it");
    }

    @Override
    public String code() {
        return "erasure-needs-second-person";
    }
}
