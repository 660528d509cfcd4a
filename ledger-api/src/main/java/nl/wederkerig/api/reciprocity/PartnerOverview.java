package nl.wederkerig.api.reciprocity;

import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.reciprocity.HourValuation;
import nl.wederkerig.projections.reciprocity.MonthFigures;
import nl.wederkerig.projections.reciprocity.PartnerStatement;

import java.util.List;

/**
 * Everything a partner's start page and its PDF show: the statement for the period and for the
 * period of equal length before it (counts below five as "&lt; 5", and those that the total would
 * give back hidden, see {@link CountShield}), month by month with the running balance, and the
 * hour valuations the values come from. Names no person.
 */
public record PartnerOverview(PartnerId partnerId, String communityName, ReportPeriod period, PartnerStatement statement,
                              ReportPeriod previousPeriod, PartnerStatement previous, List<MonthFigures> months,
                              List<HourValuation> valuations) {
}
