package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Drawn versus returned for one partner over one period, valued: the wederkerigheid balance. A
 * pure function of the partner's events and the hour valuations, so read models and tests compute
 * the same thing. A reversal counts on its own business date, with the value of the entry it
 * reverses (so it cancels that entry exactly).
 *
 * @param unvaluedMinutes hours drawn on dates before any valuation was in force: shown, not valued
 */
public record ReciprocityStatement(
        PartnerId partnerId,
        LocalDate from,
        LocalDate to,
        long drawnMinutes,
        long unvaluedMinutes,
        Money drawnValue,
        Map<ServiceCategory, Integer> servicesDrawn,
        Money returnedMoney,
        Money returnedInKind) {

    /** Returned minus drawn, in EUR: positive when the partner gave back more than it drew. */
    public Money balance() {
        return returnedMoney.plus(returnedInKind).minus(drawnValue);
    }

    public static ReciprocityStatement of(PartnerId partner, LocalDate from, LocalDate to, Iterable<?> events,
                                          HourValuations valuations) {
        Tally tally = new Tally(valuations);
        for (Object event : events) {
            if (event instanceof ReciprocityEntry entry && inPeriod(entry.businessDate(), from, to) && partnerOf(entry).equals(partner)) {
                tally.add(entry, 1);
            } else if (event instanceof ReciprocityEntryReversed reversed && reversed.partnerId().equals(partner)
                    && inPeriod(reversed.businessDate(), from, to)) {
                tally.add(reversed.original(), -1);
            }
        }
        return new ReciprocityStatement(partner, from, to, tally.drawnMinutes, tally.unvaluedMinutes, tally.drawnValue,
                Collections.unmodifiableMap(tally.services), tally.returnedMoney, tally.returnedInKind);
    }

    private static boolean inPeriod(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    private static PartnerId partnerOf(ReciprocityEntry entry) {
        if (entry instanceof HoursDrawn e) {
            return e.partnerId();
        }
        if (entry instanceof ServiceDrawn e) {
            return e.partnerId();
        }
        if (entry instanceof MoneyReturned e) {
            return e.partnerId();
        }
        return ((InKindReturned) entry).partnerId();
    }

    /** Running totals; {@code sign} is -1 for a reversal. */
    private static final class Tally {
        private final HourValuations valuations;
        private long drawnMinutes;
        private long unvaluedMinutes;
        private Money drawnValue = Money.zero(Money.EUR);
        private final Map<ServiceCategory, Integer> services = new EnumMap<>(ServiceCategory.class);
        private Money returnedMoney = Money.zero(Money.EUR);
        private Money returnedInKind = Money.zero(Money.EUR);

        Tally(HourValuations valuations) {
            this.valuations = valuations;
        }

        void add(ReciprocityEntry entry, int sign) {
            if (entry instanceof HoursDrawn hours) {
                drawnMinutes += sign * hours.hours().minutes();
                valuations.value(hours.hours(), hours.businessDate()).ifPresentOrElse(
                        value -> drawnValue = signed(drawnValue, value, sign),
                        () -> unvaluedMinutes += sign * hours.hours().minutes());
            } else if (entry instanceof ServiceDrawn service) {
                services.merge(service.category(), sign * service.count(), Integer::sum);
            } else if (entry instanceof MoneyReturned money) {
                returnedMoney = signed(returnedMoney, money.amount(), sign);
            } else if (entry instanceof InKindReturned inKind) {
                returnedInKind = signed(returnedInKind, inKind.value(), sign);
            }
        }

        private static Money signed(Money total, Money value, int sign) {
            return sign > 0 ? total.plus(value) : total.minus(value);
        }
    }
}
