package nl.wederkerig.core.shared;

import java.util.Arrays;
import java.util.Objects;

/**
 * The actor is not a party to the record the command is about. Answered exactly as an unknown id
 * is (code {@code not-found}): whether a record exists is itself its parties' affair, so the
 * message names nobody and says nothing the asker could not have guessed.
 */
public final class NotAParty extends RuleViolation {

    public static final String CODE = "not-found";

    public NotAParty() {
        super("no such record in this community");
    }

    /**
     * The guard every step on an existing record starts with, before a repeat is recognised or a
     * state checked: an outsider learns nothing, not even that the id is taken.
     */
    public static void requireParty(MemberId actor, MemberId... parties) {
        Objects.requireNonNull(actor, "actor is missing");
        if (Arrays.stream(parties).noneMatch(actor::equals)) {
            throw new NotAParty();
        }
    }

    @Override
    public String code() {
        return CODE;
    }
}
