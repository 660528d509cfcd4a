package nl.wederkerig.projections.reciprocity;

import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Running totals for one statement line, in exact minutes, cents and counts. */
final class LineTally {

    private final InitiativeId initiative;
    long drawnMinutes;
    long unvaluedMinutes;
    long drawnValueCents;
    long hoursEntries;
    final Map<ServiceCategory, Long> services = new EnumMap<>(ServiceCategory.class);
    long returnedMoneyCents;
    long moneyReturns;
    long returnedInKindCents;
    long inKindReturns;

    LineTally(InitiativeId initiative) {
        this.initiative = initiative;
    }

    void addTo(LineTally total) {
        total.drawnMinutes += drawnMinutes;
        total.unvaluedMinutes += unvaluedMinutes;
        total.drawnValueCents += drawnValueCents;
        total.hoursEntries += hoursEntries;
        services.forEach((category, count) -> total.services.merge(category, count, Long::sum));
        total.returnedMoneyCents += returnedMoneyCents;
        total.moneyReturns += moneyReturns;
        total.returnedInKindCents += returnedInKindCents;
        total.inKindReturns += inKindReturns;
    }

    long balanceCents() {
        return returnedMoneyCents + returnedInKindCents - drawnValueCents;
    }

    /** The line as shown: every count through {@link SmallCounts}, every service category present. */
    StatementLine shown() {
        Map<ServiceCategory, String> shownServices = new LinkedHashMap<>();
        for (ServiceCategory category : ServiceCategory.values()) {
            shownServices.put(category, SmallCounts.shown(services.getOrDefault(category, 0L)));
        }
        return new StatementLine(initiative, drawnMinutes, unvaluedMinutes, eur(drawnValueCents),
                SmallCounts.shown(hoursEntries), shownServices, eur(returnedMoneyCents), SmallCounts.shown(moneyReturns),
                eur(returnedInKindCents), SmallCounts.shown(inKindReturns), eur(balanceCents()));
    }

    static Money eur(long cents) {
        return Money.ofCents(cents, Money.EUR);
    }
}
