package nl.wederkerig.api.reciprocity;

import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.reciprocity.PartnerStatement;
import nl.wederkerig.projections.reciprocity.StatementLine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CountShieldTest {

    static StatementLine line(String initiative, String hoursEntries, String meals) {
        Map<ServiceCategory, String> services = new EnumMap<>(ServiceCategory.class);
        for (ServiceCategory category : ServiceCategory.values()) {
            services.put(category, "< 5");
        }
        services.put(ServiceCategory.MEAL, meals);
        Money zero = Money.eur("0.00");
        return new StatementLine(initiative == null ? null : InitiativeId.of(initiative), 0, 0, zero, hoursEntries, services,
                zero, "< 5", zero, "< 5", zero);
    }

    static PartnerStatement statement(StatementLine total, StatementLine... lines) {
        return new PartnerStatement(PartnerId.of("zorg"), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"),
                List.of(lines), total);
    }

    @Test
    void aSmallCountTheTotalWouldGiveBackHidesTheSmallestShownCountToo() {
        PartnerStatement shielded = CountShield.shielded(statement(line(null, "13", "5"),
                line("a", "6", "5"), line("b", "< 5", "< 5"), line("c", "6", "< 5")));

        // 13 − 6 − 6 = 1 would name the "< 5": one of the sixes is hidden, and 13 − 6 = 7 says nothing exact.
        assertThat(shielded.initiatives()).extracting(StatementLine::hoursEntries)
                .containsExactly(CountShield.HIDDEN, "< 5", "6");
        // Meals: 5 − 5 = 0: only says the "< 5" are zero; nothing to hide.
        assertThat(shielded.initiatives()).extracting(line -> line.servicesDrawn().get(ServiceCategory.MEAL))
                .containsExactly("5", "< 5", "< 5");
        assertThat(shielded.total()).isEqualTo(statement(line(null, "13", "5")).total());
    }

    @Test
    void nothingIsHiddenWhenTheDifferenceIsFiveOrMoreOrTheTotalIsSmall() {
        PartnerStatement wide = statement(line(null, "14", "< 5"), line("a", "6", "< 5"), line("b", "< 5", "< 5"),
                line("c", "< 5", "< 5"), line("d", "< 5", "< 5"));

        // 14 − 6 = 8 is spread over three initiatives below five: none can be worked out.
        assertThat(CountShield.shielded(wide).initiatives()).extracting(StatementLine::hoursEntries)
                .containsExactly("6", "< 5", "< 5", "< 5");
    }
}
