package nl.wederkerig.core.shared;

import java.util.Objects;

/** The checks every money command repeats: the ledger keeps books in EUR, amounts are positive and capped. */
public final class Amounts {

    private Amounts() {
    }

    public static Money requirePositiveEur(Money amount, Money max) {
        Objects.requireNonNull(amount, "amount is missing");
        if (!Money.EUR.equals(amount.currency())) {
            throw new WrongCurrency(Money.EUR, amount.currency());
        }
        if (!amount.isPositive()) {
            throw new AmountNotPositive(amount);
        }
        if (amount.isGreaterThan(max)) {
            throw new AmountTooLarge(amount, max);
        }
        return amount;
    }

    /** Like {@link #requirePositiveEur} but zero is allowed (e.g. an errand where nothing was bought). */
    public static Money requireNotNegativeEur(Money amount, Money max) {
        Objects.requireNonNull(amount, "amount is missing");
        if (amount.isZero() && Money.EUR.equals(amount.currency())) {
            return amount;
        }
        return requirePositiveEur(amount, max);
    }

    public static void requireActor(MemberId actor, MemberId party, String what) {
        Objects.requireNonNull(actor, "actor is missing");
        if (!actor.equals(party)) {
            throw new ActorNotAllowed(actor, what);
        }
    }
}
