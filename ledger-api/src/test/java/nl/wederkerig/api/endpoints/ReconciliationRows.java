package nl.wederkerig.api.endpoints;

import nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor;
import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.RegisterInitiative;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.BankLine;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.ClosePeriod;
import nl.wederkerig.core.reconciliation.ImportStatement;
import nl.wederkerig.core.reconciliation.LinkBankAccount;
import nl.wederkerig.core.reconciliation.PaymentReference;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.statements.SyntheticCamt053;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.COORDINATOR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.OTHER_NEIGHBOUR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.TREASURER;
import static nl.wederkerig.api.endpoints.MatrixRows.fresh;
import static nl.wederkerig.api.endpoints.MatrixRows.get;
import static nl.wederkerig.api.endpoints.MatrixRows.post;
import static nl.wederkerig.api.endpoints.MatrixRows.today;
import static org.awaitility.Awaitility.await;

/**
 * The matrix rows of the reconciliation. Each row gets an initiative of its own, with Tessa as its
 * treasurer and its account linked, because reconciliation is a sequence (link, import, match,
 * close) that rows sharing one fund would trip over. Kees, its kascommissie, reads but changes
 * nothing; Tomas, treasurer of another initiative, is refused like any neighbour.
 */
final class ReconciliationRows {

    static final Iban ACCOUNT = SyntheticCamt053.dutchIban("RABO", 987_654_321L);
    static final Iban PAYER = SyntheticCamt053.dutchIban("INGB", 7_654_321L);
    private static final String BASE = "/api/v1/communities/{communityId}/initiatives/{initiativeId}";

    private ReconciliationRows() {
    }

    static void add(List<MatrixRows.Row> rows) {
        Set<Actor> treasurer = EnumSet.of(TREASURER);
        Set<Actor> books = EnumSet.of(TREASURER, COORDINATOR);
        Set<Actor> readers = EnumSet.of(TREASURER, COORDINATOR, Actor.AUDITOR);
        rows.add(post(BASE + "/bank-accounts", books, ReconciliationRows::ownInitiative, (cast, actor, vars) -> """
                {"commandId":"%s","iban":"%s"}""".formatted(fresh("link"), ACCOUNT.value())));
        rows.add(new MatrixRows.Row(org.springframework.http.HttpMethod.POST, BASE + "/bank-statements", "", treasurer,
                ReconciliationRows::linked, (cast, actor, vars) -> new String(SyntheticCamt053.xml(ACCOUNT, Money.eur("0.00"),
                today().minusDays(3), today().minusDays(1), List.of(new SyntheticCamt053.Line(today().minusDays(2), 1_000,
                        "A. Gever", PAYER, null, "M-" + fresh("r")))), StandardCharsets.UTF_8), "application/xml"));
        rows.add(get(BASE + "/bank-statements", "", readers, ReconciliationRows::linked));
        rows.add(get(BASE + "/bank-statements/{statementId}/lines", "", readers, cast -> imported(cast, 1_000, null)));
        rows.add(get(BASE + "/bank-lines", "", readers, ReconciliationRows::linked));
        rows.add(get(BASE + "/reconciliation", "", readers, ReconciliationRows::linked));
        rows.add(get(BASE + "/period-closes", "", readers, ReconciliationRows::linked));
        // The kascommissie audits the confirmed matches and the initiative's own journal, like the treasurers and coordinators.
        rows.add(get(BASE + "/bank-matches", "", readers, ReconciliationRows::linked));
        rows.add(get(BASE + "/journal", "", readers, ReconciliationRows::linked));
        rows.add(post(BASE + "/bank-matches", treasurer, cast -> {
            Map<String, String> vars = imported(cast, 1_000, null);
            vars.put("entryId", contribution(cast, vars, "10.00"));
            return vars;
        }, (cast, actor, vars) -> """
                {"commandId":"%s","lineIds":["%s"],"entryIds":["%s"]}""".formatted(fresh("match"), vars.get("lineId"),
                vars.get("entryId"))));
        rows.add(post(BASE + "/bank-lines/{lineId}/contribution", treasurer, cast -> imported(cast, 1_000, null),
                (cast, actor, vars) -> """
                        {"commandId":"%s","source":"DONATION"}""".formatted(fresh("book"))));
        rows.add(post(BASE + "/bank-lines/{lineId}/expense", treasurer, cast -> {
            Map<String, String> vars = imported(cast, -1_000, null);
            contribution(cast, vars, "100.00");
            return vars;
        }, (cast, actor, vars) -> """
                {"commandId":"%s","category":"FOOD"}""".formatted(fresh("book"))));
        rows.add(post(BASE + "/bank-lines/{lineId}/claim-payment", treasurer, ReconciliationRows::approvedClaimPaidByALine,
                (cast, actor, vars) -> """
                        {"commandId":"%s","claimId":"%s"}""".formatted(fresh("book"), vars.get("claimId"))));
        rows.add(post(BASE + "/period-closes", treasurer, cast -> imported(cast, 0, null), (cast, actor, vars) -> """
                {"commandId":"%s","periodEnd":"%s"}""".formatted(fresh("close"), today().minusDays(2))));
        // Closed by a second treasurer of the row's initiative, so Tessa (who did not close it) and a coordinator may reopen.
        rows.add(post(BASE + "/period-closes/{closeId}/reopening", books, ReconciliationRows::closedByAnother,
                (cast, actor, vars) -> """
                        {"commandId":"%s","reason":"BANK_CORRECTION"}""".formatted(fresh("reopen"))));
    }

    /** A fresh initiative of the cast's community, Tessa its treasurer, seen by the API and the fund alike. */
    static Map<String, String> ownInitiative(Cast cast) {
        InitiativeId initiative = InitiativeId.of(fresh("kas"));
        cast.commands().sendAndWait(new RegisterInitiative(cast.community(), CommandId.of(fresh("i")), initiative,
                InitiativeKind.SHARED_MEALS, today().minusDays(20), cast.member(COORDINATOR)));
        appoint(cast, initiative, cast.member(TREASURER));
        cast.commands().sendAndWait(new AssignRole(cast.community(), CommandId.of(fresh("role")), cast.member(Actor.AUDITOR),
                Role.auditorOf(initiative), today(), cast.member(COORDINATOR)));
        InitiativeFunds funds = new InitiativeFunds(cast.jdbc());
        await().atMost(Duration.ofSeconds(10)).until(() -> funds.knows(cast.community(), initiative)
                && cast.memberships().holds(cast.community(), cast.member(TREASURER), Role.treasurerOf(initiative))
                && cast.memberships().holds(cast.community(), cast.member(Actor.AUDITOR), Role.auditorOf(initiative)));
        Map<String, String> vars = new HashMap<>();
        vars.put("initiativeId", initiative.value());
        return vars;
    }

    private static void appoint(Cast cast, InitiativeId initiative, MemberId member) {
        cast.commands().sendAndWait(new AssignRole(cast.community(), CommandId.of(fresh("role")), member, Role.treasurerOf(initiative),
                today(), cast.member(COORDINATOR)));
    }

    /** {@link #ownInitiative} with its account linked (once the fund has appointed Tessa). */
    static Map<String, String> linked(Cast cast) {
        Map<String, String> vars = ownInitiative(cast);
        InitiativeId initiative = InitiativeId.of(vars.get("initiativeId"));
        untilAccepted(() -> cast.commands().sendAndWait(new LinkBankAccount(initiative, CommandId.of(fresh("link")), ACCOUNT,
                ActingAs.TREASURER, today(), cast.member(TREASURER))));
        return vars;
    }

    /** {@link #linked}, and a statement of the last days with one line of {@code cents} (none for 0), as {@code statementId} and {@code lineId}. */
    static Map<String, String> imported(Cast cast, long cents, String reference) {
        Map<String, String> vars = linked(cast);
        InitiativeId initiative = InitiativeId.of(vars.get("initiativeId"));
        String statement = fresh("stmt");
        String line = "L-" + fresh("line");
        List<BankLine> lines = cents == 0 ? List.of() : List.of(new BankLine(BankLineId.of(line), today().minusDays(1),
                today().minusDays(1), Money.ofCents(cents, Money.EUR), reference == null ? null : PaymentReference.of(reference),
                null, null));
        cast.commands().sendAndWait(new ImportStatement(initiative, CommandId.of(statement), ACCOUNT, StatementSource.CAMT053,
                today().minusDays(3), today().minusDays(1), Money.eur("0.00"), Money.ofCents(cents, Money.EUR), lines, today(),
                cast.member(TREASURER)));
        vars.put("statementId", statement);
        vars.put("lineId", line);
        return vars;
    }

    /** A contribution into the bank of the row's initiative, today; answers its command id. */
    private static String contribution(Cast cast, Map<String, String> vars, String amount) {
        String entry = fresh("gift");
        cast.commands().sendAndWait(new RecordContribution(InitiativeId.of(vars.get("initiativeId")), CommandId.of(entry),
                Money.eur(amount), ContributionSource.DONATION, null, Channel.BANK, today().minusDays(1), cast.member(TREASURER)));
        return entry;
    }

    /** Cees claimed €10.00, Tessa approved it, and a line of -€10.00 naming it came in. */
    private static Map<String, String> approvedClaimPaidByALine(Cast cast) {
        ClaimId claim = ClaimId.of(fresh("claim"));
        Map<String, String> vars = imported(cast, -1_000, claim.value());
        InitiativeId initiative = InitiativeId.of(vars.get("initiativeId"));
        contribution(cast, vars, "100.00");
        cast.commands().sendAndWait(new SubmitClaim(claim, cast.community(), initiative, Money.eur("10.00"), ExpenseCategory.MATERIALS,
                ReceiptReference.of("ACTION-7"), today().minusDays(2), cast.member(OTHER_NEIGHBOUR)));
        cast.commands().sendAndWait(new ApproveClaim(claim, CommandId.of(fresh("ok")), today().minusDays(2), cast.member(TREASURER)));
        InitiativeFunds funds = new InitiativeFunds(cast.jdbc());
        await().atMost(Duration.ofSeconds(10)).until(() -> funds.initiativeOfClaim(cast.community(), claim).isPresent());
        vars.put("claimId", claim.value());
        return vars;
    }

    /** An empty statement of the last days, closed through the day before yesterday by a second treasurer. */
    private static Map<String, String> closedByAnother(Cast cast) {
        Map<String, String> vars = imported(cast, 0, null);
        InitiativeId initiative = InitiativeId.of(vars.get("initiativeId"));
        MemberId second = MemberId.of(fresh("second"));
        cast.commands().sendAndWait(new RegisterMember(cast.community(), CommandId.of(fresh("reg")), second, today(),
                cast.member(COORDINATOR)));
        appoint(cast, initiative, second);
        String close = fresh("close");
        untilAccepted(() -> cast.commands().sendAndWait(new ClosePeriod(initiative, CommandId.of(close), today().minusDays(2),
                today(), second)));
        vars.put("closeId", close);
        return vars;
    }

    /** The fund appoints a treasurer a moment after the role's event: retried until it has. */
    private static void untilAccepted(Runnable command) {
        Callable<Boolean> sent = () -> {
            command.run();
            return true;
        };
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(sent);
    }
}
