package nl.wederkerig.api.reciprocity;

import nl.wederkerig.projections.readmodels.Periods;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/**
 * The period a partner's statement covers, both ends included, and the period of equal length
 * just before it to compare with: the previous calendar month, quarter or year, or for a chosen
 * period the same number of days right before it.
 */
public record ReportPeriod(Kind kind, LocalDate from, LocalDate to) {

    /** How the period was chosen. */
    public enum Kind { MONTH, QUARTER, YEAR, CUSTOM }

    /** Most months a chart shows: the three years a period may be long. */
    static final int MAX_CHART_MONTHS = 36;

    /** A year of months at least: a month or quarter is seen against the year that led to it. */
    static final int MIN_CHART_MONTHS = 12;

    public ReportPeriod {
        Periods.requireValid(from, to);
    }

    /** The month, quarter or year that holds {@code day}. */
    public static ReportPeriod holding(Kind kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> new ReportPeriod(kind, day.withDayOfMonth(1), YearMonth.from(day).atEndOfMonth());
            case QUARTER -> {
                LocalDate first = day.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new ReportPeriod(kind, first, first.plusMonths(3).minusDays(1));
            }
            case YEAR -> new ReportPeriod(kind, day.withDayOfYear(1), day.withDayOfYear(day.lengthOfYear()));
            case CUSTOM -> throw new IllegalArgumentException("a chosen period names its own first and last day");
        };
    }

    public static ReportPeriod custom(LocalDate from, LocalDate to) {
        return new ReportPeriod(Kind.CUSTOM, from, to);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of equal length right before this one. */
    public ReportPeriod previous() {
        return kind == Kind.CUSTOM ? custom(from.minusDays(days()), from.minusDays(1)) : holding(kind, from.minusDays(1));
    }

    /** The months the charts show: those of the period, at least the year up to its end, at most three years. */
    public YearMonth firstChartMonth() {
        YearMonth last = lastChartMonth();
        YearMonth first = YearMonth.from(from);
        YearMonth yearBefore = last.minusMonths(MIN_CHART_MONTHS - 1L);
        if (yearBefore.isBefore(first)) {
            first = yearBefore;
        }
        YearMonth earliest = last.minusMonths(MAX_CHART_MONTHS - 1L);
        return first.isBefore(earliest) ? earliest : first;
    }

    public YearMonth lastChartMonth() {
        return YearMonth.from(to);
    }
}
