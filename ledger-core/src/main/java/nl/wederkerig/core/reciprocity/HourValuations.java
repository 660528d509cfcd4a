package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.community.HourValuationSet;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The community's valuations of one volunteer hour over time. Each business date uses the
 * valuation in force on that date, so a new valuation (which the community only accepts from
 * today on) never changes a past statement.
 */
public final class HourValuations {

    private final TreeMap<LocalDate, Money> perHourFrom = new TreeMap<>();

    private HourValuations() {
    }

    public static HourValuations of(CommunityId community, Iterable<?> events) {
        HourValuations valuations = new HourValuations();
        for (Object event : events) {
            if (event instanceof HourValuationSet set && set.communityId().equals(community)) {
                valuations.perHourFrom.put(set.effectiveFrom(), set.perHour());
            }
        }
        return valuations;
    }

    public Optional<Money> perHourOn(LocalDate businessDate) {
        return Optional.ofNullable(perHourFrom.floorEntry(businessDate)).map(Map.Entry::getValue);
    }

    /**
     * What {@code hours} given on {@code businessDate} are worth, rounded half-even to the cent
     * (twenty minutes at €12.50 an hour is €4.1666…: a value has to be rounded; the hours never are).
     */
    public Optional<Money> value(Hours hours, LocalDate businessDate) {
        return perHourOn(businessDate).map(perHour -> Money.ofCents(
                BigDecimal.valueOf(perHour.cents()).multiply(BigDecimal.valueOf(hours.minutes()))
                        .divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_EVEN).longValueExact(),
                perHour.currency()));
    }
}
