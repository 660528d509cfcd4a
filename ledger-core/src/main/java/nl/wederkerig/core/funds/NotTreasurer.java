package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.RuleViolation;

/** Only a treasurer of this initiative records its money or approves a claim it pays. */
public final class NotTreasurer extends RuleViolation {

    public NotTreasurer(Object member) {
        super("member " + member + " is not a treasurer of this initiative");
    }

    @Override
    public String code() {
        return "treasurer-only";
    }
}
