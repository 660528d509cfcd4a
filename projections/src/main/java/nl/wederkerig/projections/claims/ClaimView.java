package nl.wederkerig.projections.claims;

import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;

import java.time.LocalDate;
import java.util.List;

/** One expense claim as it stands, with the reference of its receipt and every step so far, in order. */
public record ClaimView(
        ClaimId claimId,
        InitiativeId initiativeId,
        MemberId claimant,
        Money amount,
        ExpenseCategory category,
        ReceiptReference receipt,
        ClaimState status,
        LocalDate submittedOn,
        List<ClaimStep> steps) {

    public ClaimView {
        steps = List.copyOf(steps);
    }
}
