package nl.wederkerig.projections;

import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.claims.ExpenseClaims;
import nl.wederkerig.projections.community.Memberships;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import nl.wederkerig.projections.journal.JournalPostings;
import nl.wederkerig.projections.reconciliation.BankReconciliations;
import nl.wederkerig.projections.readmodels.ReadModel;
import nl.wederkerig.projections.trust.NeighbourActivity;

import java.util.List;

/** Every read model there is. A new read model is added here, so rebuild and check include it. */
public final class ReadModelCatalog {

    private ReadModelCatalog() {
    }

    public static List<ReadModel> all() {
        return List.of(AdvanceBalances.READ_MODEL, NeighbourActivity.READ_MODEL, InitiativeFunds.READ_MODEL,
                PartnerReciprocity.READ_MODEL, JournalPostings.READ_MODEL, Memberships.READ_MODEL,
                BankReconciliations.READ_MODEL, ExpenseClaims.READ_MODEL);
    }
}
