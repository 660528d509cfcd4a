package nl.wederkerig.projections.funds;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import nl.wederkerig.projections.reciprocity.StatementLine;
import nl.wederkerig.projections.reconciliation.BankReconciliations;
import nl.wederkerig.projections.reconciliation.ReconciliationAsOf;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual report of an initiative: a query over three read models (funds, reciprocity,
 * reconciliation), each asked for its own figures, so every number in the report is the number its
 * read model answers elsewhere. Calendar years, not periods of equal length: a leap year is
 * compared with the whole year before it.
 */
public class InitiativeYears {

    private final InitiativeFunds funds;
    private final PartnerReciprocity reciprocity;
    private final BankReconciliations reconciliations;

    public InitiativeYears(InitiativeFunds funds, PartnerReciprocity reciprocity, BankReconciliations reconciliations) {
        this.funds = funds;
        this.reciprocity = reciprocity;
        this.reconciliations = reconciliations;
    }

    /** {@code year} beside the year before it. */
    public AnnualReport report(CommunityId community, InitiativeId initiative, Year year) {
        Year previous = year.minusYears(1);
        Map<PartnerId, PartnerPosition> now = partners(community, initiative, year);
        Map<PartnerId, PartnerPosition> before = partners(community, initiative, previous);
        List<PartnerId> shown = new ArrayList<>(now.keySet());
        before.keySet().stream().filter(partner -> !now.containsKey(partner)).forEach(shown::add);
        shown.sort((a, b) -> a.value().compareTo(b.value()));
        return new AnnualReport(initiative, figures(community, initiative, year, shown, now),
                figures(community, initiative, previous, shown, before));
    }

    private AnnualFigures figures(CommunityId community, InitiativeId initiative, Year year, List<PartnerId> shown,
                                  Map<PartnerId, PartnerPosition> positions) {
        LocalDate first = year.atDay(1);
        LocalDate last = year.atMonth(12).atEndOfMonth();
        List<PartnerPosition> partners = shown.stream().map(p -> positions.getOrDefault(p, PartnerPosition.none(p))).toList();
        ReconciliationAsOf reconciliation = reconciliations.statusAsOf(community, initiative, last).orElse(null);
        return new AnnualFigures(year, funds.figures(community, initiative, first, last), partners, reconciliation);
    }

    /** The partners with anything drawn from or returned to this initiative in the year, from their own statements. */
    private Map<PartnerId, PartnerPosition> partners(CommunityId community, InitiativeId initiative, Year year) {
        Map<PartnerId, PartnerPosition> positions = new LinkedHashMap<>();
        for (PartnerId partner : reciprocity.partnersOf(community)) {
            reciprocity.statement(community, partner, year.atDay(1), year.atMonth(12).atEndOfMonth()).initiatives().stream()
                    .filter(line -> initiative.equals(line.initiativeId()))
                    .findFirst()
                    .map(line -> position(partner, line))
                    .ifPresent(position -> positions.put(partner, position));
        }
        return positions;
    }

    private static PartnerPosition position(PartnerId partner, StatementLine line) {
        return new PartnerPosition(partner, line.drawnMinutes(), line.unvaluedMinutes(), line.drawnValue(), line.returnedMoney(),
                line.returnedInKind(), line.balance());
    }
}
