package nl.wederkerig.projections.reciprocity;

import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/** One volunteer hour is worth {@code perHour} from {@code effectiveFrom} until the next valuation's date. */
public record HourValuation(LocalDate effectiveFrom, Money perHour) {
}
