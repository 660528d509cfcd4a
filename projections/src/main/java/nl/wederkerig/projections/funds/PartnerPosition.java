package nl.wederkerig.projections.funds;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;

/**
 * What one partner drew from an initiative and returned to it in one year, valued as the partner's
 * own statement values it (each hour at the valuation of its own date). Sums only, no counts: the
 * partner is an organisation, never a person, and no count could point at a neighbour.
 *
 * @param balance returned (money plus in kind) minus drawn value: positive when the partner gave back more
 */
public record PartnerPosition(PartnerId partnerId, long drawnMinutes, long unvaluedMinutes, Money drawnValue,
                              Money returnedMoney, Money returnedInKind, Money balance) {

    static PartnerPosition none(PartnerId partner) {
        Money zero = Money.ofCents(0, Money.EUR);
        return new PartnerPosition(partner, 0, 0, zero, zero, zero, zero);
    }
}
