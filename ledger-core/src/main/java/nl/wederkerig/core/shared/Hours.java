package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Time given as help, exact to the minute: a second unit beside money. Stored as whole minutes
 * so that "20 minutes" stays exact (a third of an hour has no exact decimal form).
 */
public record Hours(long minutes) {

    /** Longest single stretch of help one record may hold: 24 hours. */
    public static final long MAX_MINUTES = 24 * 60;

    @JsonCreator
    public Hours(@JsonProperty("minutes") long minutes) {
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be between 0 and " + MAX_MINUTES);
        }
        this.minutes = minutes;
    }

    public static Hours ofMinutes(long minutes) {
        return new Hours(minutes);
    }

    @JsonIgnore
    public boolean isPositive() {
        return minutes > 0;
    }

    /** Hours as a decimal for display, rounded to hundredths; never used for arithmetic. */
    public BigDecimal toDecimalHours() {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_EVEN);
    }
}
