package nl.wederkerig.api.endpoints;


import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.community.RequestErasure;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.NameHelper;
import nl.wederkerig.core.community.ShareTrustHistory;
import nl.wederkerig.core.errands.ReportErrandSpending;
import nl.wederkerig.core.errands.StartErrand;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.RecordHelp;
import nl.wederkerig.core.reciprocity.RecordMoneyReturned;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.COORDINATOR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.COUNTERPARTY;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.MEMBERS;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.NEIGHBOUR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.OTHER_NEIGHBOUR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.PARTNER;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.TREASURER;
import static org.awaitility.Awaitility.await;

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

    static final String JSON = "application/json";

    /** {@code contentType}: of the body; JSON but for a statement upload. */
    record Row(HttpMethod method, String template, String query, Set<Actor> allowed, Setup setup, Body body, String contentType) {
        String name() {
            return method + " " + template;
        }
    }

    /**
     * Endpoints open to anyone, because the request proves itself without a login (a one-time setup
     * token, an invitation or reset code): no actor is refused for who they are. Tested on their
     * own in SetupHttpTest and CommunityHttpTest.
     */
    static final Set<String> OPEN = Set.of("POST /api/v1/setup", "POST /api/v1/invitations/redemption");

    static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        advances(rows);
        balancesAndTrust(rows);
        fundsPartnersAndJournal(rows);
        administration(rows);
        errandsAndHelp(rows);
        fundEntriesAndClaims(rows);
        reciprocity(rows);
        ReconciliationRows.add(rows);
        payoutDetails(rows); // last: its removal row takes away what the rows before it read
        return rows;
    }

    /**
     * Payout details are each member's own ("me"): every member records, reads and removes their
     * own; the lender's bank details on an advance are for its borrower only. Each setup records
     * details for every member first, so an allowed read or removal finds some.
     */
    private static void payoutDetails(List<Row> rows) {
        rows.add(get(C + "/advances/{advanceId}/payment-instructions", "", EnumSet.of(COUNTERPARTY), cast -> {
            recordPayoutDetails(cast, NEIGHBOUR);
            return advance(cast);
        }));
        rows.add(get(C + "/members/me/payout-details", "", Actor.MEMBERS, MatrixRows::payoutDetailsForEveryone));
        rows.add(new Row(HttpMethod.PUT, C + "/members/me/payout-details", "", Actor.MEMBERS, none(),
                (cast, actor, vars) -> PAYOUT_DETAILS.formatted(fresh("payout")), JSON));
        rows.add(new Row(HttpMethod.DELETE, C + "/members/me/payout-details", "?commandId={removalId}", Actor.MEMBERS,
                MatrixRows::payoutDetailsForEveryone, null, JSON));
    }

    private static final String PAYOUT_DETAILS = """
            {"commandId":"%s","iban":"NL91ABNA0417164300","accountHolder":"A. Buur"}""";

    static Map<String, String> payoutDetailsForEveryone(Cast cast) {
        for (Actor member : Actor.MEMBERS) {
            recordPayoutDetails(cast, member);
        }
        return Map.of("removalId", fresh("removal"));
    }

    private static void recordPayoutDetails(Cast cast, Actor member) {
        org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var sent = cast.http().withBasicAuth(cast.login(member), Neighbours.PASSWORD).exchange(
                cast.expand(C + "/members/me/payout-details", Map.of()), HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(PAYOUT_DETAILS.formatted(fresh("payout")), json), String.class);
        if (!sent.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException("payout details of " + member + " were not taken: " + sent);
        }
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
        rows.add(get(C + "/advances/{advanceId}/reimbursements/{reimbursementId}", "", EnumSet.of(NEIGHBOUR, COUNTERPARTY),
                MatrixRows::reimbursedAdvance));
        // Either party reverses a reimbursement entered in error.
        rows.add(post(C + "/advances/{advanceId}/reimbursements/{reimbursementId}/reversal", EnumSet.of(NEIGHBOUR, COUNTERPARTY),
                MatrixRows::reimbursedAdvance, (cast, actor, vars) -> """
                        {"commandId":"%s","reason":"ENTERED_IN_ERROR"}""".formatted(fresh("undo"))));
    }

    private static void administration(List<Row> rows) {
        Set<Actor> coordinator = EnumSet.of(COORDINATOR);
        // Counts and coordinators: for every member. The member list for coordinators; one member also for themselves.
        rows.add(get(C, "", MEMBERS, none()));
        rows.add(get(C + "/members", "", coordinator, none()));
        rows.add(get(C + "/members/{memberId}", "", EnumSet.of(COORDINATOR, NEIGHBOUR), MatrixRows::amina));
        rows.add(post(C + "/members", coordinator, none(), (cast, actor, vars) -> """
                {"commandId":"%s","memberId":"%s"}""".formatted(fresh("reg"), fresh("new"))));
        // A new one-time code for Amina: her password stays until the code is used, so the cast still logs in.
        rows.add(post(C + "/members/{memberId}/login-codes", coordinator,
                cast -> Map.of("memberId", cast.member(NEIGHBOUR).value()), (cast, actor, vars) -> null));
        // Founding another community is for a system administrator of the installation, whom the cast
        // lacks (SetupHttpTest shows one allowed): everyone here is refused.
        rows.add(post("/api/v1/communities", EnumSet.noneOf(Actor.class), none(), (cast, actor, vars) -> """
                {"communityId":"%s","name":"Elders","coordinator":"%s"}""".formatted(fresh("wijk"), fresh("coord"))));
        // An online backup is the installation's system administrator's alone (BackupTest shows one allowed).
        rows.add(post("/api/v1/backups", EnumSet.noneOf(Actor.class), none(), (cast, actor, vars) -> null));
        // Everyone with a login changes their own password (here to the same one, so the cast still logs in).
        rows.add(post("/api/v1/account/password", EnumSet.complementOf(EnumSet.of(Actor.ANONYMOUS)), none(),
                (cast, actor, vars) -> """
                        {"currentPassword":"%s","newPassword":"%s"}""".formatted(Neighbours.PASSWORD, Neighbours.PASSWORD)));
        rows.add(post(C + "/initiatives", coordinator, none(), (cast, actor, vars) -> """
                {"commandId":"%s","initiativeId":"%s","kind":"PEER_GROUP"}""".formatted(fresh("reg"), fresh("ini"))));
        rows.add(post(C + "/partners", coordinator, none(), (cast, actor, vars) -> """
                {"commandId":"%s","partnerId":"%s","kind":"FUND"}""".formatted(fresh("reg"), fresh("par"))));
        // A representative role: it has no fund to follow it, so nothing is appended after the answer.
        rows.add(post(C + "/members/{memberId}/roles", coordinator, MatrixRows::newMember, (cast, actor, vars) -> """
                {"commandId":"%s","kind":"PARTNER_REPRESENTATIVE","partnerId":"%s"}""".formatted(fresh("role"), cast.partner())));
        rows.add(post(C + "/members/{memberId}/role-revocations", coordinator, cast -> {
            Map<String, String> member = newMember(cast);
            cast.commands().sendAndWait(new AssignRole(cast.community(), CommandId.of(fresh("role")),
                    MemberId.of(member.get("memberId")), Role.representativeOf(cast.partner()), today(), cast.member(COORDINATOR)));
            return member;
        }, (cast, actor, vars) -> """
                {"commandId":"%s","kind":"PARTNER_REPRESENTATIVE","partnerId":"%s"}""".formatted(fresh("revoke"), cast.partner())));
        // A member leaves: a coordinator records it, for a fresh member (the cast stays whole).
        rows.add(post(C + "/members/{memberId}/departure", coordinator, MatrixRows::newMember, step()));
        // Erasure on request: a coordinator records it for a fresh member; confirming needs another coordinator
        // than the one who recorded it (or the member), so a second coordinator recorded this row's request.
        rows.add(post(C + "/members/{memberId}/erasure-requests", coordinator, MatrixRows::newMember, step()));
        rows.add(post(C + "/members/{memberId}/erasure-requests/confirmation", coordinator, cast -> {
            Map<String, String> member = newMember(cast);
            MemberId second = MemberId.of(newMember(cast).get("memberId"));
            cast.commands().sendAndWait(new AssignRole(cast.community(), CommandId.of(fresh("role")), second,
                    Role.coordinator(), today(), cast.member(COORDINATOR)));
            cast.commands().sendAndWait(new RequestErasure(cast.community(), CommandId.of(fresh("erase")),
                    MemberId.of(member.get("memberId")), today(), second));
            return member;
        }, step()));
        // No limit at all: the advances of the other rows stay possible.
        rows.add(post(C + "/advance-limit", coordinator, none(), step()));
        rows.add(post(C + "/hour-valuations", coordinator, none(), (cast, actor, vars) -> """
                {"commandId":"%s","perHour":{"amount":"15.00","currency":"EUR"},"effectiveFrom":"%s","method":"REPLACEMENT_VALUE"}"""
                .formatted(fresh("value"), today().plusDays(1))));
    }

    private static void errandsAndHelp(List<Row> rows) {
        // Amina asks, Bram runs the errand: either may record the hand-over, only Bram reports on it.
        rows.add(post(C + "/errands", EnumSet.of(NEIGHBOUR, COUNTERPARTY), none(), (cast, actor, vars) -> """
                {"errandId":"%s","asker":"%s","helper":"%s","entrusted":{"amount":"50.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(fresh("errand"), cast.member(NEIGHBOUR), cast.member(COUNTERPARTY))));
        rows.add(get(C + "/errands/{errandId}", "", EnumSet.of(NEIGHBOUR, COUNTERPARTY), MatrixRows::errand));
        rows.add(post(C + "/errands/{errandId}/spending", EnumSet.of(COUNTERPARTY), MatrixRows::errand, (cast, actor, vars) -> """
                {"commandId":"%s","spent":{"amount":"43.20","currency":"EUR"},"receipt":"AH-1187"}""".formatted(fresh("spent"))));
        // The receipt file of the spending: the errand's two parties, nobody else (coordinators do not see errands).
        rows.add(get(C + "/errands/{errandId}/receipts/{number}", "", EnumSet.of(NEIGHBOUR, COUNTERPARTY), MatrixRows::errandWithReceipt));
        rows.add(post(C + "/errands/{errandId}/change", EnumSet.of(COUNTERPARTY), cast -> {
            Map<String, String> errand = errand(cast);
            cast.commands().sendAndWait(new ReportErrandSpending(ErrandId.of(errand.get("errandId")), CommandId.of(fresh("spent")),
                    Money.eur("43.20"), ReceiptReference.of("AH-1187"), today(), cast.member(COUNTERPARTY)));
            return errand;
        }, (cast, actor, vars) -> """
                {"commandId":"%s","amount":{"amount":"6.80","currency":"EUR"}}""".formatted(fresh("change"))));
        // Any member records help they gave to someone else; only the receiver (Amina) confirms or disputes it.
        rows.add(post(C + "/help", MEMBERS, none(), (cast, actor, vars) -> """
                {"helpId":"%s","receiver":"%s","hours":{"minutes":90},"kind":"COMPANY"}"""
                .formatted(fresh("help"), cast.member(actor == NEIGHBOUR ? COUNTERPARTY : NEIGHBOUR))));
        rows.add(get(C + "/help/{helpId}", "", EnumSet.of(NEIGHBOUR, COUNTERPARTY), MatrixRows::help));
        rows.add(post(C + "/help/{helpId}/confirmation", EnumSet.of(NEIGHBOUR), MatrixRows::help, step()));
        rows.add(post(C + "/help/{helpId}/dispute", EnumSet.of(NEIGHBOUR), MatrixRows::help, (cast, actor, vars) -> """
                {"commandId":"%s","reason":"HOURS_WRONG"}""".formatted(fresh("dispute"))));
    }

    private static void fundEntriesAndClaims(List<Row> rows) {
        Set<Actor> treasurer = EnumSet.of(TREASURER);
        String base = C + "/initiatives/{initiativeId}";
        rows.add(post(base + "/contributions", treasurer, MatrixRows::fundedInitiative, (cast, actor, vars) -> """
                {"commandId":"%s","amount":{"amount":"10.00","currency":"EUR"},"source":"DONATION","channel":"BANK"}"""
                .formatted(fresh("gift"))));
        rows.add(post(base + "/expenses", treasurer, MatrixRows::fundedInitiative, (cast, actor, vars) -> """
                {"commandId":"%s","amount":{"amount":"5.00","currency":"EUR"},"category":"FOOD","receipt":"JUMBO-1","channel":"BANK"}"""
                .formatted(fresh("food"))));
        rows.add(post(base + "/transfers", treasurer, MatrixRows::fundedInitiative, (cast, actor, vars) -> """
                {"commandId":"%s","amount":{"amount":"5.00","currency":"EUR"},"from":"BANK","to":"CASH_BOX"}"""
                .formatted(fresh("move"))));
        rows.add(post(base + "/entries/{entryId}/reversal", treasurer, MatrixRows::fundedInitiative, (cast, actor, vars) -> """
                {"commandId":"%s","reason":"ENTERED_IN_ERROR"}""".formatted(fresh("undo"))));
        // Any member claims back what they paid; a treasurer of that initiative decides and pays.
        rows.add(post(base + "/claims", MEMBERS, MatrixRows::initiative, (cast, actor, vars) -> """
                {"claimId":"%s","amount":{"amount":"8.00","currency":"EUR"},"category":"MATERIALS","receipt":"ACTION-7"}"""
                .formatted(fresh("claim"))));
        // A claim is seen by its claimant (Cees), the initiative's treasurers and the coordinators.
        rows.add(get(base + "/claims/{claimId}", "", EnumSet.of(TREASURER, COORDINATOR, OTHER_NEIGHBOUR), MatrixRows::claim));
        // A claim's receipt file: its claimant (Cees) and whoever reads the initiative's books.
        rows.add(get(base + "/claims/{claimId}/receipts/{number}", "", EnumSet.of(TREASURER, COORDINATOR, OTHER_NEIGHBOUR,
                Actor.AUDITOR), MatrixRows::claimWithReceipt));
        // The queue of claims to decide and pay: the initiative's books.
        rows.add(get(base + "/claims", "", EnumSet.of(TREASURER, COORDINATOR, Actor.AUDITOR), MatrixRows::claim));
        rows.add(post(base + "/claims/{claimId}/approval", treasurer, MatrixRows::claim, step()));
        rows.add(post(base + "/claims/{claimId}/rejection", treasurer, MatrixRows::claim, (cast, actor, vars) -> """
                {"commandId":"%s","reason":"NO_BUDGET"}""".formatted(fresh("no"))));
        // A question back to the claimant: whoever decides (a treasurer); the answer: the claimant (Cees) alone.
        rows.add(post(base + "/claims/{claimId}/information-request", treasurer, MatrixRows::claim, (cast, actor, vars) -> """
                {"commandId":"%s","question":"Welke winkel?"}""".formatted(fresh("ask"))));
        rows.add(post(base + "/claims/{claimId}/information", EnumSet.of(OTHER_NEIGHBOUR), MatrixRows::questionedClaim,
                (cast, actor, vars) -> """
                {"commandId":"%s","answer":"De Action."}""".formatted(fresh("reply"))));
        // The questions and answers: whoever sees the claim's receipts.
        rows.add(get(base + "/claims/{claimId}/questions", "", EnumSet.of(TREASURER, COORDINATOR, OTHER_NEIGHBOUR, Actor.AUDITOR),
                MatrixRows::questionedClaim));
        // Whom to pay (the claimant's IBAN): the treasurers, who pay.
        rows.add(get(base + "/claims/{claimId}/payee", "", treasurer, cast -> {
            Map<String, String> claim = claim(cast);
            cast.commands().sendAndWait(new ApproveClaim(ClaimId.of(claim.get("claimId")), CommandId.of(fresh("ok")), today(),
                    cast.member(TREASURER)));
            return claim;
        }));
        rows.add(post(base + "/claims/{claimId}/payment", treasurer, cast -> {
            Map<String, String> claim = claim(cast);
            fundedInitiative(cast);
            cast.commands().sendAndWait(new ApproveClaim(ClaimId.of(claim.get("claimId")), CommandId.of(fresh("ok")), today(),
                    cast.member(TREASURER)));
            return claim;
        }, (cast, actor, vars) -> """
                {"commandId":"%s","channel":"BANK"}""".formatted(fresh("pay"))));
    }

    private static void reciprocity(List<Row> rows) {
        // The initiative that gave or received records it: its treasurer, or a coordinator.
        Set<Actor> recorders = EnumSet.of(TREASURER, COORDINATOR);
        String base = C + "/partners/{partnerId}";
        rows.add(post(base + "/hours-drawn", recorders, MatrixRows::partner, (cast, actor, vars) -> """
                {"commandId":"%s","initiativeId":"%s","hours":{"minutes":120}}""".formatted(fresh("hours"), cast.initiative())));
        rows.add(post(base + "/services-drawn", recorders, MatrixRows::partner, (cast, actor, vars) -> """
                {"commandId":"%s","initiativeId":"%s","category":"ROOM_USE","count":2}""".formatted(fresh("room"), cast.initiative())));
        rows.add(post(base + "/money-returned", recorders, MatrixRows::partner, (cast, actor, vars) -> """
                {"commandId":"%s","initiativeId":"%s","amount":{"amount":"50.00","currency":"EUR"}}"""
                .formatted(fresh("money"), cast.initiative())));
        rows.add(post(base + "/in-kind-returned", recorders, MatrixRows::partner, (cast, actor, vars) -> """
                {"commandId":"%s","initiativeId":"%s","category":"FOOD","value":{"amount":"20.00","currency":"EUR"}}"""
                .formatted(fresh("kind"), cast.initiative())));
        // A reversal does not name the entry's initiative: coordinators only.
        rows.add(post(base + "/entries/{entryId}/reversal", EnumSet.of(COORDINATOR), cast -> {
            String entry = fresh("money");
            cast.commands().sendAndWait(new RecordMoneyReturned(cast.partner(), CommandId.of(entry), cast.community(),
                    cast.initiative(), Money.eur("30.00"), today(), cast.member(COORDINATOR)));
            return Map.of("partnerId", cast.partner().value(), "entryId", entry);
        }, (cast, actor, vars) -> """
                {"commandId":"%s","reason":"ENTERED_IN_ERROR"}""".formatted(fresh("undo"))));
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
        // Consent to be represented (issue 12, flow 10): a neighbour's own, like sharing a history.
        rows.add(get(C + "/members/{memberId}/helpers", "", EnumSet.of(NEIGHBOUR), MatrixRows::amina));
        rows.add(post(C + "/members/{memberId}/helpers", EnumSet.of(NEIGHBOUR), MatrixRows::amina,
                (cast, actor, vars) -> """
                        {"commandId":"%s","helper":"%s"}""".formatted(fresh("helper"), cast.member(OTHER_NEIGHBOUR))));
        // Cees names Bram, for this row only; only Cees may withdraw it.
        rows.add(post(C + "/members/{memberId}/helpers/{helper}/withdrawal", EnumSet.of(OTHER_NEIGHBOUR),
                cast -> {
                    cast.commands().sendAndWait(new NameHelper(cast.community(), CommandId.of(fresh("helper")),
                            cast.member(COUNTERPARTY), today(), cast.member(OTHER_NEIGHBOUR)));
                    return Map.of("memberId", cast.member(OTHER_NEIGHBOUR).value(), "helper", cast.member(COUNTERPARTY).value());
                }, step()));
    }

    private static void fundsPartnersAndJournal(List<Row> rows) {
        String period = "?from=" + today().minusDays(30) + "&to=" + today();
        // An initiative's books: its treasurers, its kascommissie and the coordinators.
        rows.add(get(C + "/initiatives/{initiativeId}/balance", "", EnumSet.of(TREASURER, COORDINATOR, Actor.AUDITOR),
                MatrixRows::initiative));
        rows.add(get(C + "/initiatives/{initiativeId}/report", period, EnumSet.of(TREASURER, COORDINATOR, Actor.AUDITOR),
                MatrixRows::initiative));
        // The annual report for funders (a PDF): the same readers as the books.
        rows.add(get(C + "/initiatives/{initiativeId}/annual-report", "?year=" + today().getYear(),
                EnumSet.of(TREASURER, COORDINATOR, Actor.AUDITOR), MatrixRows::initiative));
        rows.add(get(C + "/partners/{partnerId}/statement", period, EnumSet.of(PARTNER, COORDINATOR), MatrixRows::partner));
        rows.add(get(C + "/partners/{partnerId}/balance", "", EnumSet.of(PARTNER, COORDINATOR), MatrixRows::partner));
        rows.add(get(C + "/journal.hledger", "", EnumSet.of(COORDINATOR), none()));
        rows.add(get(C + "/journal.hledger", "?year=" + today().getYear(), EnumSet.of(COORDINATOR), none()));
        rows.add(get(C + "/journal.csv", "", EnumSet.of(COORDINATOR), none()));
        // The accountant's CSV of one initiative: its books, so the same readers as its balance and report.
        rows.add(get(C + "/initiatives/{initiativeId}/journal.csv", "", EnumSet.of(TREASURER, COORDINATOR, Actor.AUDITOR),
                MatrixRows::initiative));
        // The verifier walks the whole book: the coordinator (for the kascommissie) only.
        rows.add(get(C + "/integrity", "", EnumSet.of(COORDINATOR), none()));
        // Parked events name aggregates of the whole wijk and a retry touches every read model: the coordinator only.
        rows.add(get(C + "/parked-events", "", EnumSet.of(COORDINATOR), none()));
        rows.add(post(C + "/parked-events/retry", EnumSet.of(COORDINATOR), none(), (cast, actor, vars) -> null));
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

    /** A neighbour just registered, with no role but neighbour. */
    static Map<String, String> newMember(Cast cast) {
        MemberId member = MemberId.of(fresh("member"));
        cast.commands().sendAndWait(new RegisterMember(cast.community(), CommandId.of(fresh("reg")), member, today(),
                cast.member(COORDINATOR)));
        return Map.of("memberId", member.value());
    }

    /** A fresh errand: Amina entrusted Bram €50.00. */
    static Map<String, String> errand(Cast cast) {
        ErrandId errand = ErrandId.of(fresh("errand"));
        cast.commands().sendAndWait(new StartErrand(errand, cast.community(), cast.member(NEIGHBOUR), cast.member(COUNTERPARTY),
                Money.eur("50.00"), Purpose.GROCERIES, today(), cast.member(NEIGHBOUR)));
        return Map.of("errandId", errand.value());
    }

    /** Fresh help of an hour from Bram to Amina. */
    static Map<String, String> help(Cast cast) {
        HelpId help = HelpId.of(fresh("help"));
        cast.commands().sendAndWait(new RecordHelp(help, cast.community(), cast.member(COUNTERPARTY), cast.member(NEIGHBOUR),
                Hours.ofMinutes(60), HelpKind.COMPANY, null, today(), cast.member(COUNTERPARTY)));
        return Map.of("helpId", help.value());
    }

    /**
     * The row's initiative with €100.00 more in the bank, booked by Tessa as entry {@code entryId}.
     * The fund appoints her a moment after the role's event: retried until it has.
     */
    static Map<String, String> fundedInitiative(Cast cast) {
        String entry = fresh("grant");
        RecordContribution grant = new RecordContribution(cast.initiative(), CommandId.of(entry), Money.eur("100.00"),
                ContributionSource.GRANT, null, Channel.BANK, today(), cast.member(TREASURER));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            cast.commands().sendAndWait(grant);
            return true;
        });
        return Map.of("initiativeId", cast.initiative().value(), "entryId", entry);
    }

    /** A fresh claim of €8.00 by Cees to the row's initiative. */
    static Map<String, String> claim(Cast cast) {
        ClaimId claim = ClaimId.of(fresh("claim"));
        cast.commands().sendAndWait(new SubmitClaim(claim, cast.community(), cast.initiative(), Money.eur("8.00"),
                ExpenseCategory.MATERIALS, ReceiptReference.of("ACTION-7"), today(), cast.member(OTHER_NEIGHBOUR)));
        return Map.of("initiativeId", cast.initiative().value(), "claimId", claim.value());
    }

    /** Cees's claim with a question of the treasurer waiting for his answer (the sealed text is never opened here). */
    static Map<String, String> questionedClaim(Cast cast) {
        Map<String, String> claim = claim(cast);
        cast.commands().sendAndWait(new nl.wederkerig.core.claims.RequestClaimInformation(ClaimId.of(claim.get("claimId")),
                CommandId.of(fresh("ask")), new nl.wederkerig.core.shared.SealedText(cast.member(OTHER_NEIGHBOUR).value(), "c2VhbGVk"),
                today(), cast.member(TREASURER)));
        return claim;
    }

    /** Cees's claim sent with a receipt file (a small PDF), over HTTP: only the application seals the file. */
    static Map<String, String> claimWithReceipt(Cast cast) {
        String claim = fresh("claim");
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        parts.add("claim", new org.springframework.http.HttpEntity<>("""
                {"claimId":"%s","amount":{"amount":"8.00","currency":"EUR"},"category":"MATERIALS"}""".formatted(claim), json));
        parts.add("receipt", new org.springframework.http.HttpEntity<>(new org.springframework.core.io.ByteArrayResource(
                "%PDF-1.4\n% bon\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
            @Override
            public String getFilename() {
                return "bon.pdf";
            }
        }));
        org.springframework.http.HttpHeaders multipart = new org.springframework.http.HttpHeaders();
        multipart.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        var sent = cast.http().withBasicAuth(cast.member(OTHER_NEIGHBOUR).value(), Neighbours.PASSWORD).exchange(
                cast.expand(C + "/initiatives/{initiativeId}/claims", Map.of("initiativeId", cast.initiative().value())),
                HttpMethod.POST, new org.springframework.http.HttpEntity<>(parts, multipart), String.class);
        if (sent.getStatusCode().value() != 201) {
            throw new IllegalStateException("the claim with a receipt was not taken: " + sent);
        }
        return Map.of("initiativeId", cast.initiative().value(), "claimId", claim, "number", "1");
    }

    /** A fresh errand whose spending Bram reported with a receipt file (a small PDF), over HTTP: only the application seals the file. */
    static Map<String, String> errandWithReceipt(Cast cast) {
        String errand = errand(cast).get("errandId");
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        parts.add("spending", new org.springframework.http.HttpEntity<>("""
                {"commandId":"%s","spent":{"amount":"43.20","currency":"EUR"}}""".formatted(fresh("spent")), json));
        parts.add("receipt", new org.springframework.http.HttpEntity<>(new org.springframework.core.io.ByteArrayResource(
                "%PDF-1.4\n% bon\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
            @Override
            public String getFilename() {
                return "bon.pdf";
            }
        }));
        org.springframework.http.HttpHeaders multipart = new org.springframework.http.HttpHeaders();
        multipart.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        var sent = cast.http().withBasicAuth(cast.member(COUNTERPARTY).value(), Neighbours.PASSWORD).exchange(
                cast.expand(C + "/errands/{errandId}/spending", Map.of("errandId", errand)),
                HttpMethod.POST, new org.springframework.http.HttpEntity<>(parts, multipart), String.class);
        if (sent.getStatusCode().value() != 200) {
            throw new IllegalStateException("the spending with a receipt was not taken: " + sent);
        }
        return Map.of("errandId", errand, "number", "1");
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
        return new Row(HttpMethod.POST, template, "", allowed, setup, body, JSON);
    }

    static Row get(String template, String query, Set<Actor> allowed, Setup setup) {
        return new Row(HttpMethod.GET, template, query, allowed, setup, null, JSON);
    }

    static String fresh(String prefix) {
        return Neighbours.unique(prefix);
    }

    static LocalDate today() {
        return LocalDate.now(LedgerTime.ZONE);
    }
}
