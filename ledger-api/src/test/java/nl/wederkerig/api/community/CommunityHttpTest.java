package nl.wederkerig.api.community;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;

import static nl.wederkerig.api.support.Api.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
class CommunityHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("eventSerializer")
    org.axonframework.serialization.Serializer eventSerializer;

    final LocalDate today = LocalDate.now(LedgerTime.ZONE);
    OwnCommunity wijk;
    Api api;

    @BeforeEach
    void setUp() {
        // Each test its own community: limits, valuations and roles set here meet no other test.
        wijk = OwnCommunity.found(commands, accounts, jdbc, "wijk");
        api = new Api(http, wijk.id);
    }

    long communityEvents() {
        return wijk.events(wijk.id.value());
    }

    static String registration(String commandId, String memberId) {
        return """
                {"commandId":"%s","memberId":"%s"}""".formatted(commandId, memberId);
    }

    ResponseEntity<JsonNode> redeem(String code, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/v1/invitations/redemption", HttpMethod.POST, new HttpEntity<>("""
                {"code":"%s","password":"%s"}""".formatted(code, password), headers), JsonNode.class);
    }

    static String role(String commandId, String kind, String scope) {
        return """
                {"commandId":"%s","kind":"%s"%s}""".formatted(commandId, kind, scope == null ? "" : "," + scope);
    }

    @Test
    void aRegisteredNeighbourChoosesTheirOwnPasswordWithTheInvitationAndARetryGivesAFreshCode() {
        String newcomer = Neighbours.unique("nadia");
        long before = communityEvents();

        ResponseEntity<JsonNode> registered = api.post(wijk.coordinator, "/members", registration("reg-1", newcomer));

        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        assertThat(registered.getHeaders().getLocation()).hasToString("/api/v1/communities/" + wijk.id + "/members/" + newcomer);
        assertThat(registered.getHeaders().getCacheControl()).contains("no-store");
        assertThat(registered.getBody().path("commandId").asText()).isEqualTo("reg-1");
        String firstCode = registered.getBody().path("invitation").path("code").asText();
        assertThat(firstCode).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        assertThat(registered.getBody().path("invitation").path("expiresAt").asText()).isNotEmpty();
        // Nobody can log in as the newcomer before they chose a password, whatever is tried.
        assertThat(api.get(newcomer, "", "/members/" + newcomer + "/balance").getStatusCode().value()).isEqualTo(401);

        ResponseEntity<JsonNode> retried = api.post(wijk.coordinator, "/members", registration("reg-1", newcomer));
        assertThat(retried.getStatusCode().value()).isEqualTo(201);
        String secondCode = retried.getBody().path("invitation").path("code").asText();
        assertThat(secondCode).isNotEqualTo(firstCode);
        assertThat(communityEvents()).isEqualTo(before + 1);
        assertThat(wijk.events(wijk.id.value(), "nl.wederkerig.core.community.MemberRegistered")).isEqualTo(1);

        assertThat(answer(redeem(firstCode, "mijn-eigen-wachtwoord"))).isEqualTo("422 login-code-not-valid");
        assertThat(answer(redeem(secondCode, "kort"))).isEqualTo("422 password-too-short");
        // Lower case and without dashes is the same code; a refused password did not use it up.
        ResponseEntity<JsonNode> redeemed = redeem(secondCode.toLowerCase().replace("-", ""), "mijn-eigen-wachtwoord");
        assertThat(redeemed.getStatusCode().value()).isEqualTo(200);
        assertThat(redeemed.getBody().path("username").asText()).isEqualTo(newcomer);
        assertThat(answer(redeem(secondCode, "nog-een-wachtwoord"))).isEqualTo("422 login-code-not-valid");

        // The login name is case-insensitive.
        assertThat(api.get(newcomer.toUpperCase(), "mijn-eigen-wachtwoord", "/members/" + newcomer + "/balance")
                .getStatusCode().value()).isEqualTo(200);
        // A registration retried after the neighbour chose a password gives no new code.
        ResponseEntity<JsonNode> late = api.post(wijk.coordinator, "/members", registration("reg-1", newcomer));
        assertThat(late.getStatusCode().value()).isEqualTo(201);
        assertThat(late.getBody().path("invitation").isMissingNode()).isTrue();
    }

    @Test
    void aTakenUsernameIsRefusedAndNothingIsStored() {
        MemberId existing = OwnCommunity.found(commands, accounts, jdbc, "ander").member("bestaand");
        long before = communityEvents();

        ResponseEntity<JsonNode> taken = api.post(wijk.coordinator, "/members", registration("reg-2", existing.value()));

        assertThat(answer(taken)).isEqualTo("422 username-taken");
        assertThat(taken.getBody().path("title").asText()).isEqualTo("Deze gebruikersnaam is al in gebruik");
        assertThat(communityEvents()).isEqualTo(before);
    }

    @Test
    void aPasswordFieldAnActorFieldOrBrokenJsonIsABadRequestAndNoAccountIsMade() {
        String newcomer = Neighbours.unique("olga");
        long before = communityEvents();

        ResponseEntity<JsonNode> password = api.post(wijk.coordinator, "/members",
                Api.with(registration("reg-3", newcomer), "\"firstPassword\":\"eerste-wachtwoord\""));
        ResponseEntity<JsonNode> actorField = api.post(wijk.coordinator, "/members",
                Api.with(registration("reg-3", newcomer), "\"actor\":\"" + wijk.coordinator + "\""));
        ResponseEntity<JsonNode> malformed = api.post(wijk.coordinator, "/members", "{\"commandId\":");

        assertThat(answer(password)).isEqualTo("400 bad-request");
        assertThat(answer(actorField)).isEqualTo("400 bad-request");
        assertThat(actorField.getBody().path("detail").asText()).isEqualTo("Het veld 'actor' kennen we niet.");
        assertThat(answer(malformed)).isEqualTo("400 bad-request");
        assertThat(accounts.exists(newcomer)).isFalse();
        assertThat(communityEvents()).isEqualTo(before);
    }

    @Test
    void aRefusedRegistrationReleasesTheNameItReserved() {
        String newcomer = Neighbours.unique("quinten");
        long before = communityEvents();

        ResponseEntity<JsonNode> future = api.post(wijk.coordinator, "/members",
                Api.with(registration("reg-5", newcomer), "\"businessDate\":\"" + today.plusDays(3) + "\""));

        assertThat(answer(future)).isEqualTo("422 business-date-out-of-range");
        assertThat(accounts.exists(newcomer)).isFalse();
        assertThat(communityEvents()).isEqualTo(before);
    }

    @Test
    void aCoordinatorIssuesANewCodeOnlyForTheirOwnMembersAndTheOldPasswordStaysUntilItIsUsed() {
        MemberId neighbour = wijk.member("ruud");
        OwnCommunity other = OwnCommunity.found(commands, accounts, jdbc, "elders");
        MemberId stranger = other.member("sam");

        ResponseEntity<JsonNode> issued = api.post(wijk.coordinator, "/members/" + neighbour + "/login-codes", "");
        ResponseEntity<JsonNode> notOurs = api.post(wijk.coordinator, "/members/" + stranger + "/login-codes", "");
        ResponseEntity<JsonNode> notCoordinator = api.post(neighbour, "/members/" + neighbour + "/login-codes", "");

        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        assertThat(issued.getHeaders().getCacheControl()).contains("no-store");
        assertThat(answer(notOurs)).isEqualTo("404 not-found");
        assertThat(answer(notCoordinator)).isEqualTo("403 forbidden");
        // Until the code is used the old password works; after it, only the new one.
        assertThat(api.get(neighbour, "/members/" + neighbour + "/balance").getStatusCode().value()).isEqualTo(200);
        assertThat(redeem(issued.getBody().path("code").asText(), "een-nieuw-wachtwoord").getStatusCode().value()).isEqualTo(200);
        assertThat(api.get(neighbour, "/members/" + neighbour + "/balance").getStatusCode().value()).isEqualTo(401);
        assertThat(api.get(neighbour.value(), "een-nieuw-wachtwoord", "/members/" + neighbour + "/balance")
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void onlyACoordinatorRegistersAndARefusalLeavesNoAccount() {
        MemberId neighbour = wijk.member("nina");
        String newcomer = Neighbours.unique("piet");
        long before = communityEvents();

        ResponseEntity<JsonNode> refused = api.post(neighbour, "/members", registration("reg-4", newcomer));

        assertThat(answer(refused)).isEqualTo("403 forbidden");
        assertThat(accounts.exists(newcomer)).isFalse();
        assertThat(communityEvents()).isEqualTo(before);
    }

    @Test
    void registeringAnInitiativeOpensItsFundAndTheSameIdTwiceIsRefused() {
        String initiative = Neighbours.unique("aanschuiven");
        String body = """
                {"commandId":"ini-1","initiativeId":"%s","kind":"SHARED_MEALS"}""".formatted(initiative);

        ResponseEntity<JsonNode> registered = api.post(wijk.coordinator, "/initiatives", body);
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        assertThat(registered.getHeaders().getLocation()).hasToString("/api/v1/communities/" + wijk.id + "/initiatives/" + initiative + "/balance");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get(wijk.coordinator, "/initiatives/" + initiative + "/balance").getStatusCode().value()).isEqualTo(200));
        long before = communityEvents();

        ResponseEntity<JsonNode> again = api.post(wijk.coordinator, "/initiatives", body.replace("ini-1", "ini-2"));
        ResponseEntity<JsonNode> wrongKind = api.post(wijk.coordinator, "/initiatives",
                body.replace("ini-1", "ini-3").replace("SHARED_MEALS", "CASINO"));

        assertThat(answer(again)).isEqualTo("422 already-registered");
        assertThat(answer(wrongKind)).isEqualTo("400 bad-request");
        assertThat(communityEvents()).isEqualTo(before);
    }

    @Test
    void registeringAPartnerMakesItsStatementAvailable() {
        String partner = Neighbours.unique("zorg");
        String body = """
                {"commandId":"par-1","partnerId":"%s","kind":"CARE_ORGANISATION"}""".formatted(partner);

        ResponseEntity<JsonNode> registered = api.post(wijk.coordinator, "/partners", body);

        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get(wijk.coordinator, "/partners/" + partner + "/balance").getStatusCode().value()).isEqualTo(200));
        long before = communityEvents();
        MemberId neighbour = wijk.member("noor");
        long afterMember = communityEvents();
        ResponseEntity<JsonNode> byNeighbour = api.post(neighbour, "/partners", body.replace("par-1", "par-2")
                .replace(partner, Neighbours.unique("zorg")));
        assertThat(answer(byNeighbour)).isEqualTo("403 forbidden");
        assertThat(afterMember).isEqualTo(before + 1);
        assertThat(communityEvents()).isEqualTo(afterMember);
    }

    @Test
    void assigningAndRevokingATreasurerRoleReachesTheFund() {
        MemberId treasurer = wijk.member("tessa");
        InitiativeId initiative = wijk.initiative("buurthulp");
        String scope = "\"initiativeId\":\"" + initiative + "\"";

        ResponseEntity<JsonNode> assigned = api.post(wijk.coordinator, "/members/" + treasurer + "/roles",
                role("role-1", "TREASURER", scope));
        assertThat(assigned.getStatusCode().value()).isEqualTo(200);
        assertThat(assigned.getBody().path("communityId").asText()).isEqualTo(wijk.id.value());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                wijk.events(initiative.value(), "nl.wederkerig.core.funds.TreasurerAppointed") == 1);

        long before = communityEvents();
        assertThat(answer(api.post(wijk.coordinator, "/members/" + treasurer + "/roles", role("role-2", "TREASURER", scope))))
                .isEqualTo("422 role-already-held");
        assertThat(answer(api.post(wijk.coordinator, "/members/" + treasurer + "/roles", role("role-3", "TREASURER", null))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(wijk.coordinator, "/members/" + Neighbours.unique("niemand") + "/roles",
                role("role-4", "COORDINATOR", null)))).isEqualTo("422 unknown-member");
        assertThat(communityEvents()).isEqualTo(before);

        ResponseEntity<JsonNode> revoked = api.post(wijk.coordinator, "/members/" + treasurer + "/role-revocations",
                role("revoke-1", "TREASURER", scope));
        assertThat(revoked.getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                wijk.events(initiative.value(), "nl.wederkerig.core.funds.TreasurerReleased") == 1);
        assertThat(answer(api.post(wijk.coordinator, "/members/" + treasurer + "/role-revocations",
                role("revoke-2", "TREASURER", scope)))).isEqualTo("422 role-not-held");
    }

    @Test
    void theLastCoordinatorCannotBeRevoked() {
        long before = communityEvents();
        ResponseEntity<JsonNode> refused = api.post(wijk.coordinator, "/members/" + wijk.coordinator + "/role-revocations",
                role("revoke-self", "COORDINATOR", null));
        assertThat(answer(refused)).isEqualTo("422 last-coordinator");
        assertThat(communityEvents()).isEqualTo(before);
    }

    @Test
    void anAdvanceLimitIsEnforcedOnTheNextAdvance() {
        MemberId lender = wijk.member("lena");
        MemberId borrower = wijk.member("bas");

        ResponseEntity<JsonNode> set = api.post(wijk.coordinator, "/advance-limit",
                "{\"commandId\":\"limit-1\",\"maxOpenAdvances\":1,\"maxOpenTotal\":{\"amount\":\"30.00\",\"currency\":\"EUR\"}}");
        assertThat(set.getStatusCode().value()).isEqualTo(200);

        String advance = """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"%s","currency":"EUR"},"purpose":"GROCERIES"}""";
        assertThat(api.post(lender, "/advances", advance.formatted(Neighbours.unique("adv"), borrower, "40.00"))
                .getBody().path("code").asText()).isEqualTo("advance-limit-exceeded");
        assertThat(api.post(lender, "/advances", advance.formatted(Neighbours.unique("adv"), borrower, "20.00"))
                .getStatusCode().value()).isEqualTo(201);

        long before = communityEvents();
        assertThat(answer(api.post(wijk.coordinator, "/advance-limit", "{\"commandId\":\"limit-2\",\"maxOpenAdvances\":0}")))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(lender, "/advance-limit", "{\"commandId\":\"limit-3\"}"))).isEqualTo("403 forbidden");
        assertThat(answer(api.post(lender, "/hour-valuations", "{\"commandId\":\"val-1\",\"perHour\":{\"amount\":\"1.00\","
                + "\"currency\":\"EUR\"},\"effectiveFrom\":\"" + today + "\",\"method\":\"MARKET_VALUE\"}"))).isEqualTo("403 forbidden");
        assertThat(answer(api.post(lender, "/members/" + lender + "/roles", role("self-made", "COORDINATOR", null))))
                .isEqualTo("403 forbidden");
        assertThat(communityEvents()).isEqualTo(before);
    }

    @Test
    void anHourValuationTakesEffectFromTodayNeverEarlier() {
        String valuation = """
                {"commandId":"%s","perHour":{"amount":"%s","currency":"EUR"},"effectiveFrom":"%s","method":"MARKET_VALUE"}""";

        ResponseEntity<JsonNode> set = api.post(wijk.coordinator, "/hour-valuations", valuation.formatted("val-1", "17.50", today));
        assertThat(set.getStatusCode().value()).isEqualTo(200);
        assertThat(wijk.events(wijk.id.value(), "nl.wederkerig.core.community.HourValuationSet")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type = 'nl.wederkerig.core.community.HourValuationSet'", String.class, wijk.id.value()))
                .as("stored in its second form, with the method").isEqualTo("2");

        long before = communityEvents();
        assertThat(answer(api.post(wijk.coordinator, "/hour-valuations", valuation.formatted("val-2", "18.00", today.minusDays(1)))))
                .isEqualTo("422 valuation-backdated");
        assertThat(answer(api.post(wijk.coordinator, "/hour-valuations", valuation.formatted("val-3", "250.00", today.plusDays(1)))))
                .isEqualTo("422 amount-too-large");
        assertThat(answer(api.post(wijk.coordinator, "/hour-valuations", valuation.formatted("val-4", "17.5x", today.plusDays(1)))))
                .isEqualTo("400 bad-request");
        // The method is one of the four, named: left out, unknown or "not said" is refused, nothing stored.
        String withMethod = """
                {"commandId":"%s","perHour":{"amount":"18.00","currency":"EUR"},"effectiveFrom":"%s"%s}""";
        assertThat(answer(api.post(wijk.coordinator, "/hour-valuations", withMethod.formatted("val-5", today.plusDays(1), ""))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(wijk.coordinator, "/hour-valuations",
                withMethod.formatted("val-6", today.plusDays(1), ",\"method\":\"GUESSED\"")))).isEqualTo("400 bad-request");
        assertThat(answer(api.post(wijk.coordinator, "/hour-valuations",
                withMethod.formatted("val-7", today.plusDays(1), ",\"method\":\"UNSPECIFIED\"")))).isEqualTo("400 bad-request");
        assertThat(communityEvents()).isEqualTo(before);
    }

    /** The application's own upcaster chain (the one the event store reads with) turns a first-form valuation into revision 2. */
    @Test
    void theEventStoreReadsAValuationStoredBeforeMethodsWereNamed() throws Exception {
        String firstForm = new String(getClass().getResourceAsStream("/events/HourValuationSet.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).strip();
        var stored = new org.axonframework.eventhandling.GenericDomainEventEntry<>("Community", "west", 0L, "event",
                java.time.Instant.parse("2026-11-23T10:15:30Z"), "nl.wederkerig.core.community.HourValuationSet", null, firstForm, "{}");
        var upcast = axon.upcasterChain().upcast(java.util.stream.Stream.of(
                new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(stored, eventSerializer)))
                .findFirst().orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        var read = (nl.wederkerig.core.community.HourValuationSet) eventSerializer.deserialize(upcast.getData());
        assertThat(read.method()).isEqualTo(nl.wederkerig.core.community.HourValuationMethod.UNSPECIFIED);
    }
}
