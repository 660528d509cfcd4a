package nl.wederkerig.api.reciprocity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPeriodTest {

    static final LocalDate MAY_20 = LocalDate.parse("2026-05-20");

    @Test
    void monthQuarterAndYearHoldTheDayAndTheirPreviousIsTheOneBefore() {
        ReportPeriod month = ReportPeriod.holding(ReportPeriod.Kind.MONTH, MAY_20);
        assertThat(month).isEqualTo(new ReportPeriod(ReportPeriod.Kind.MONTH, LocalDate.parse("2026-05-01"),
                LocalDate.parse("2026-05-31")));
        assertThat(month.previous().from()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(month.previous().to()).isEqualTo(LocalDate.parse("2026-04-30"));

        ReportPeriod quarter = ReportPeriod.holding(ReportPeriod.Kind.QUARTER, MAY_20);
        assertThat(quarter.from()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(quarter.to()).isEqualTo(LocalDate.parse("2026-06-30"));
        assertThat(quarter.previous().from()).isEqualTo(LocalDate.parse("2026-01-01"));

        ReportPeriod year = ReportPeriod.holding(ReportPeriod.Kind.YEAR, MAY_20);
        assertThat(year.previous()).isEqualTo(ReportPeriod.holding(ReportPeriod.Kind.YEAR, LocalDate.parse("2025-07-01")));
    }

    @Test
    void aChosenPeriodIsComparedWithTheSameNumberOfDaysRightBeforeIt() {
        ReportPeriod chosen = ReportPeriod.custom(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-19"));
        assertThat(chosen.previous().from()).isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(chosen.previous().to()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(chosen.previous().days()).isEqualTo(10);
        assertThatThrownBy(() -> ReportPeriod.custom(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-09")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chartsShowAtLeastTheYearUpToThePeriodsEndAndAtMostThreeYears() {
        ReportPeriod month = ReportPeriod.holding(ReportPeriod.Kind.MONTH, MAY_20);
        assertThat(month.firstChartMonth()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(month.lastChartMonth()).isEqualTo(YearMonth.of(2026, 5));

        ReportPeriod long_ = ReportPeriod.custom(LocalDate.parse("2023-05-21"), MAY_20);
        assertThat(long_.firstChartMonth()).isEqualTo(YearMonth.of(2023, 6));
    }
}
