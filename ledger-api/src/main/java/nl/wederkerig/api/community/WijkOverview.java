package nl.wederkerig.api.community;

import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.community.MemberView;
import nl.wederkerig.projections.reciprocity.HourValuation;
import nl.wederkerig.projections.reciprocity.PartnerBalance;

import java.util.List;

/**
 * The wijk as its coordinator runs it: how many neighbours, who holds which role (the coordinator
 * answers for all of them), the initiatives, each partner's reciprocity balance to date, and the
 * history of the hour valuation. Only for the coordinators of that wijk.
 */
public record WijkOverview(String name, long currentMembers, long formerMembers, List<MemberView> roleHolders,
                           List<InitiativeId> initiatives, List<PartnerBalance> partners,
                           List<HourValuation> valuations) {
}
