package nl.wederkerig.benchmarks;

import nl.wederkerig.benchmarks.BookGenerator.Neighbour;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.claims.ExpenseClaims;
import nl.wederkerig.projections.community.Memberships;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.journal.JournalPostings;
import nl.wederkerig.projections.reconciliation.BankReconciliations;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import nl.wederkerig.projections.trust.NeighbourActivity;
import nl.wederkerig.projections.trust.TrustHistories;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * One read model as the benchmarks see it: the processing group that fills it, the tables a
 * rebuild empties, and its query. A read model still being built is listed with the reason it
 * cannot be measured yet; when it lands, its entry here gets a group, tables and a query, and the
 * table gains its rows without other changes.
 */
record ReadModel(String name, String processingGroup, List<String> tables,
                 Function<LedgerApp, Query> query, String notYetBecause, int maxQueries) {

    /** Per-neighbour lookups are timed as often as the size says; whole-community reports less often. */
    static final int LOOKUP = Integer.MAX_VALUE;
    static final int REPORT_QUERIES = 200;
    /**
     * An initiative's report or a partner's statement is asked for by one treasurer or partner
     * at a time, not by every neighbour: fewer timings than lookups, more than whole-book reports.
     */
    static final int PER_ORGANISATION_QUERIES = 2_000;
    /** The period of the timed reports and statements: the generated book's whole first year. */
    static final LocalDate YEAR_FROM = BookGenerator.FIRST_DAY;
    static final LocalDate YEAR_TO = BookGenerator.FIRST_DAY.plusYears(1).minusDays(1);

    ReadModel(String name, String processingGroup, List<String> tables, Function<LedgerApp, Query> query,
              String notYetBecause) {
        this(name, processingGroup, tables, query, notYetBecause, LOOKUP);
    }

    /** One timed call of a read model's query, for a neighbour of the generated book. */
    interface Query {
        void ask(Neighbour neighbour);
    }

    static List<ReadModel> all() {
        return List.of(
                new ReadModel("balance", AdvanceBalances.PROCESSING_GROUP, tablesOf(AdvanceBalances.READ_MODEL),
                        app -> {
                            AdvanceBalances balances = app.bean(AdvanceBalances.class);
                            return neighbour -> balances.balanceOf(neighbour.community(), neighbour.member());
                        }, null),
                // Reads the balances' tables and the neighbour-activity tables (errands, help).
                new ReadModel("trust history", NeighbourActivity.PROCESSING_GROUP, tablesOf(NeighbourActivity.READ_MODEL),
                        app -> {
                            TrustHistories histories = app.bean(TrustHistories.class);
                            return neighbour -> histories.of(neighbour.community(), neighbour.member());
                        }, null),
                new ReadModel("journal", JournalPostings.PROCESSING_GROUP, tablesOf(JournalPostings.READ_MODEL),
                        app -> {
                            JournalPostings journal = app.bean(JournalPostings.class);
                            return neighbour -> journal.balances(neighbour.community(), LocalDate.now());
                        }, null, REPORT_QUERIES),
                // A year's report beside the year before: some twenty sums over the initiative's movements.
                new ReadModel("initiative report", InitiativeFunds.PROCESSING_GROUP, tablesOf(InitiativeFunds.READ_MODEL),
                        app -> {
                            InitiativeFunds funds = app.bean(InitiativeFunds.class);
                            return neighbour -> funds.report(neighbour.community(), neighbour.initiative(), YEAR_FROM, YEAR_TO);
                        }, null, PER_ORGANISATION_QUERIES),
                new ReadModel("reciprocity statement", PartnerReciprocity.PROCESSING_GROUP, tablesOf(PartnerReciprocity.READ_MODEL),
                        app -> {
                            PartnerReciprocity reciprocity = app.bean(PartnerReciprocity.class);
                            return neighbour -> reciprocity.statement(neighbour.community(), neighbour.partner(), YEAR_FROM, YEAR_TO);
                        }, null, PER_ORGANISATION_QUERIES),
                // What the API asks before nearly every request: does this member hold this role?
                new ReadModel("role check", Memberships.PROCESSING_GROUP, tablesOf(Memberships.READ_MODEL),
                        app -> {
                            Memberships memberships = app.bean(Memberships.class);
                            return neighbour -> memberships.holds(neighbour.community(), neighbour.member(), Role.coordinator());
                        }, null),
                // The treasurer's reconciliation page: statement closing balance beside the ledger's bank balance.
                new ReadModel("reconciliation status", BankReconciliations.PROCESSING_GROUP,
                        tablesOf(BankReconciliations.READ_MODEL),
                        app -> {
                            BankReconciliations reconciliations = app.bean(BankReconciliations.class);
                            return neighbour -> reconciliations.status(neighbour.community(), neighbour.initiative());
                        }, null, PER_ORGANISATION_QUERIES),
                // One claim with the history of its steps, as its claimant or a treasurer looks it up.
                new ReadModel("claim lookup", ExpenseClaims.PROCESSING_GROUP, tablesOf(ExpenseClaims.READ_MODEL),
                        app -> {
                            ExpenseClaims claims = app.bean(ExpenseClaims.class);
                            return neighbour -> claims.claim(neighbour.community(), neighbour.claim());
                        }, null));
    }

    private static List<String> tablesOf(nl.wederkerig.projections.readmodels.ReadModel model) {
        return model.tables().stream().map(nl.wederkerig.projections.readmodels.ReadModel.Table::name).toList();
    }

    boolean exists() {
        return notYetBecause == null;
    }
}
