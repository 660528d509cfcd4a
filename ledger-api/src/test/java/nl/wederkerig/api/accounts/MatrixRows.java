package nl.wederkerig.api.accounts;

import nl.wederkerig.api.accounts.AuthorizationMatrixTest.Actor;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.community.ShareTrustHistory;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Money;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.wederkerig.api.accounts.AuthorizationMatrixTest.Actor.COORDINATOR;
import static nl.wederkerig.api.accounts.AuthorizationMatrixTest.Actor.COUNTERPARTY;
import static nl.wederkerig.api.accounts.AuthorizationMatrixTest.Actor.MEMBERS;
import static nl.wederkerig.api.accounts.AuthorizationMatrixTest.Actor.NEIGHBOUR;
import static nl.wederkerig.api.accounts.AuthorizationMatrixTest.Actor.OTHER_NEIGHBOUR;
import static nl.wederkerig.api.accounts.AuthorizationMatrixTest.Actor.PARTNER;
import static nl.wederkerig.api.accounts.AuthorizationMatrixTest.Actor.TREASURER;

/**
 * The rows of the authorization matrix: per endpoint, the resources it is asked about (made fresh
 * for the row) and who may use it on them. Bodies are valid, so a refusal can only come from who
 * asks, and carry fresh command ids, so each allowed actor's request is a command of its own.
 */
final class MatrixRows {

    private static final String C = "/api/v1/communities/{communityId}";

    private MatrixRows() {
    }

    /** Path variables of one row's resources. */
    interface Setup {
        Map<String, String> prepare(Cast cast);
    }

    /** The JSON body {@code actor} sends; fresh ids every call. */
    interface Body {
        String json(Cast cast, Actor actor, Map<String, String> vars);
    }

    record Row(HttpMethod method, String template, String query, Set<Actor> allowed, Setup setup, Body body) {
        String name() {
            return method + " " + template;
        }
    }

    static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        advances(rows);
        balancesAndTrust(rows);
        fundsPartnersAndJournal(rows);
        return rows;
    }

    private static void advances(List<Row> rows) {
        // Any neighbour records what they advanced for another; the borrower is the other party.
        rows.add(post(C + "/advances", MEMBERS, none(), (cast, actor, vars) -> """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"5.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(fresh("adv"), cast.member(actor == COUNTERPARTY ? NEIGHBOUR : COUNTERPARTY))));
        rows.add(post(C + "/advances/{advanceId}/acknowledgement", EnumSet.of(COUNTERPARTY), MatrixRows::advance, step()));
        rows.add(post(C + "/advances/{advanceId}/dispute", EnumSet.of(COUNTERPARTY), MatrixRows::advance,
                (cast, actor, vars) -> """
                        {"commandId":"%s","reason":"AMOUNT_WRONG"}""".formatted(fresh("dispute"))));
        rows.add(post(C + "/advances/{advanceId}/reimbursements", EnumSet.of(COUNTERPARTY), MatrixRows::advance,
                (cast, actor, vars) -> """
                        {"commandId":"%s","amount":{"amount":"5.00","currency":"EUR"}}""".formatted(fresh("pay"))));
        rows.add(post(C + "/advances/{advanceId}/receipt-confirmations", EnumSet.of(NEIGHBOUR), MatrixRows::reimbursedAdvance,
                (cast, actor, vars) -> """
                        {"commandId":"%s","reimbursementId":"%s"}""".formatted(fresh("confirm"), vars.get("reimbursementId"))));
        rows.add(post(C + "/advances/{advanceId}/forgiveness", EnumSet.of(NEIGHBOUR), MatrixRows::advance, step()));
        rows.add(post(C + "/advances/{advanceId}/cancellation", EnumSet.of(NEIGHBOUR), MatrixRows::advance, step()));
        rows.add(get(C + "/advances/{advanceId}", "", EnumSet.of(NEIGHBOUR, COUNTERPARTY), MatrixRows::advance));
    }

    private static void balancesAndTrust(List<Row> rows) {
        rows.add(get(C + "/members/{memberId}/balance", "", EnumSet.of(NEIGHBOUR), MatrixRows::amina));
        // Amina shares her trust history with Bram (the cast's consent); Cees never sees it.
        rows.add(get(C + "/members/{memberId}/trust-history", "", EnumSet.of(NEIGHBOUR, COUNTERPARTY), MatrixRows::amina));
        rows.add(get(C + "/members/{memberId}/trust-history/with/{counterparty}", "", EnumSet.of(NEIGHBOUR, COUNTERPARTY),
                cast -> Map.of("memberId", cast.member(NEIGHBOUR).value(), "counterparty", cast.member(OTHER_NEIGHBOUR).value())));
        rows.add(get(C + "/members/{memberId}/trust-history/sharing", "", EnumSet.of(NEIGHBOUR), MatrixRows::amina));
        rows.add(post(C + "/members/{memberId}/trust-history/sharing", EnumSet.of(NEIGHBOUR), MatrixRows::amina,
                (cast, actor, vars) -> """
                        {"commandId":"%s","viewer":"%s"}""".formatted(fresh("share"), cast.member(OTHER_NEIGHBOUR))));
        // Cees shares his with Bram, for this row only; only Cees may withdraw it.
        rows.add(post(C + "/members/{memberId}/trust-history/sharing/{viewer}/withdrawal", EnumSet.of(OTHER_NEIGHBOUR),
                cast -> {
                    cast.commands().sendAndWait(new ShareTrustHistory(cast.community(), CommandId.of(fresh("share")),
                            cast.member(COUNTERPARTY), today(), cast.member(OTHER_NEIGHBOUR)));
                    return Map.of("memberId", cast.member(OTHER_NEIGHBOUR).value(), "viewer", cast.member(COUNTERPARTY).value());
                }, step()));
    }

    private static void fundsPartnersAndJournal(List<Row> rows) {
        String period = "?from=" + today().minusDays(30) + "&to=" + today();
        rows.add(get(C + "/initiatives/{initiativeId}/balance", "", EnumSet.of(TREASURER, COORDINATOR), MatrixRows::initiative));
        rows.add(get(C + "/initiatives/{initiativeId}/report", period, EnumSet.of(TREASURER, COORDINATOR), MatrixRows::initiative));
        rows.add(get(C + "/partners/{partnerId}/statement", period, EnumSet.of(PARTNER, COORDINATOR), MatrixRows::partner));
        rows.add(get(C + "/partners/{partnerId}/balance", "", EnumSet.of(PARTNER, COORDINATOR), MatrixRows::partner));
        rows.add(get(C + "/journal.hledger", "", EnumSet.of(COORDINATOR), none()));
        rows.add(get(C + "/journal.csv", "", EnumSet.of(COORDINATOR), none()));
    }

    // --- resources ---

    /** A fresh advance of €20.00 from Amina to Bram, just made. */
    static Map<String, String> advance(Cast cast) {
        AdvanceId advance = AdvanceId.of(fresh("adv"));
        cast.commands().sendAndWait(new MakeAdvance(advance, cast.community(), cast.member(NEIGHBOUR), cast.member(COUNTERPARTY),
                Money.eur("20.00"), Purpose.GROCERIES, today(), cast.member(NEIGHBOUR)));
        return Map.of("advanceId", advance.value());
    }

    /** {@link #advance}, of which Bram paid back €5.00. */
    static Map<String, String> reimbursedAdvance(Cast cast) {
        String advance = advance(cast).get("advanceId");
        String reimbursement = fresh("pay");
        cast.commands().sendAndWait(new ReimburseAdvance(AdvanceId.of(advance), CommandId.of(reimbursement), Money.eur("5.00"),
                today(), cast.member(COUNTERPARTY)));
        return Map.of("advanceId", advance, "reimbursementId", reimbursement);
    }

    static Map<String, String> amina(Cast cast) {
        return Map.of("memberId", cast.member(NEIGHBOUR).value());
    }

    static Map<String, String> initiative(Cast cast) {
        return Map.of("initiativeId", cast.initiative().value());
    }

    static Map<String, String> partner(Cast cast) {
        return Map.of("partnerId", cast.partner().value());
    }

    static Setup none() {
        return cast -> Map.of();
    }

    static Body step() {
        return (cast, actor, vars) -> """
                {"commandId":"%s"}""".formatted(fresh("step"));
    }

    static Row post(String template, Set<Actor> allowed, Setup setup, Body body) {
        return new Row(HttpMethod.POST, template, "", allowed, setup, body);
    }

    static Row get(String template, String query, Set<Actor> allowed, Setup setup) {
        return new Row(HttpMethod.GET, template, query, allowed, setup, null);
    }

    static String fresh(String prefix) {
        return Neighbours.unique(prefix);
    }

    static LocalDate today() {
        return LocalDate.now();
    }
}
