package nl.wederkerig.projections.reciprocity;

import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/** One volunteer hour is worth {@code perHour} from {@code effectiveFrom} until the next valuation's date, arrived at by {@code method}. */
public record HourValuation(LocalDate effectiveFrom, Money perHour, HourValuationMethod method) {
}
