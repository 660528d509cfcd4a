package nl.wederkerig.core.shared;

/** The acting member is not the party this command must come from. */
public final class ActorNotAllowed extends RuleViolation {

    public ActorNotAllowed(MemberId actor, String what) {
        super("member " + actor + " may not " + what);
    }

    @Override
    public String code() {
        return "actor-not-allowed";
    }
}
