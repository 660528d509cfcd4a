package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in one currency: a decimal with exactly two places, never a float.
 * Stored in events as {@code {"amount":"12.50","currency":"EUR"}}.
 *
 * <p>Construction rejects more than two decimal places rather than rounding: a ledger must not
 * silently change what someone typed. Negative amounts are allowed (balances can be negative);
 * rules that need a positive amount check {@link #isPositive()}.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Currency currency) {

    public static final Currency EUR = Currency.getInstance("EUR");

    /** Cents in one unit: every supported currency has two decimal places. */
    private static final int SCALE = 2;

    /** Largest absolute amount any single value may hold: €10,000,000.00, far above any neighbourhood book. */
    public static final long MAX_ABS_CENTS = 1_000_000_000L;

    public Money {
        Objects.requireNonNull(amount, "amount is missing");
        Objects.requireNonNull(currency, "currency is missing");
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than two decimal places");
        }
        amount = amount.setScale(SCALE);
        if (amount.abs().movePointRight(SCALE).compareTo(BigDecimal.valueOf(MAX_ABS_CENTS)) > 0) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " exceeds the largest amount the ledger holds");
        }
    }

    public static Money eur(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }

    public static Money ofCents(long cents, Currency currency) {
        return new Money(BigDecimal.valueOf(cents, SCALE), currency);
    }

    public static Money zero(Currency currency) {
        return ofCents(0, currency);
    }

    /** Whole cents, exact: the form read models store. */
    public long cents() {
        return amount.movePointRight(SCALE).longValueExact();
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean sameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) > 0;
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrency(other)) {
            // A programming error: rules compare currencies first and raise a typed WrongCurrency.
            throw new IllegalStateException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
