package nl.wederkerig.projections.reciprocity;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;

import java.time.LocalDate;

/**
 * Everything a partner drew and returned up to the end of business date {@code asOf}, valued.
 *
 * @param balance returned (money plus in kind) minus drawn value: positive when the partner gave back more
 */
public record PartnerBalance(PartnerId partnerId, LocalDate asOf, long drawnMinutes, long unvaluedMinutes,
                             Money drawnValue, Money returnedMoney, Money returnedInKind, Money balance) {
}
