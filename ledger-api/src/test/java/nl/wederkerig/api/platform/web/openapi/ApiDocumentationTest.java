package nl.wederkerig.api.platform.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.support.LedgerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerTest
class ApiDocumentationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void servesAnOpenApi30DocumentDescribingMoneyAsTheJsonItIs() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.path("openapi").asText()).startsWith("3.0");
        assertThat(api.path("paths").has("/api/v1/communities/{communityId}/advances")).isTrue();
        JsonNode money = api.path("components").path("schemas").path("Make").path("properties").path("amount");
        assertThat(money.path("properties").path("amount").path("type").asText()).isEqualTo("string");
        JsonNode reimburse = api.path("paths").path("/api/v1/communities/{communityId}/advances/{advanceId}/reimbursements").path("post");
        assertThat(reimburse.path("responses").path("422").path("content").has("application/problem+json")).isTrue();
        assertThat(api.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        JsonNode session = api.path("components").path("securitySchemes").path("browserSession");
        assertThat(session.path("in").asText()).isEqualTo("cookie");
        assertThat(session.path("name").asText()).isEqualTo("JSESSIONID");
        assertThat(api.path("security")).hasSize(2);
    }

    @Test
    void everyCommandEndpointIsDocumentedWithItsOwnBodyAndProblemResponses() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        String base = "/api/v1/communities/{communityId}";

        for (String path : java.util.List.of("/members", "/initiatives", "/partners", "/members/{memberId}/roles",
                "/members/{memberId}/role-revocations", "/advance-limit", "/hour-valuations",
                "/advances/{advanceId}/reimbursements/{reimbursementId}/reversal", "/errands", "/errands/{errandId}/spending",
                "/errands/{errandId}/change", "/help", "/help/{helpId}/confirmation", "/help/{helpId}/dispute",
                "/initiatives/{initiativeId}/contributions", "/initiatives/{initiativeId}/expenses",
                "/initiatives/{initiativeId}/transfers", "/initiatives/{initiativeId}/entries/{entryId}/reversal",
                "/initiatives/{initiativeId}/claims", "/initiatives/{initiativeId}/claims/{claimId}/approval",
                "/initiatives/{initiativeId}/claims/{claimId}/rejection", "/initiatives/{initiativeId}/claims/{claimId}/payment",
                "/partners/{partnerId}/hours-drawn", "/partners/{partnerId}/services-drawn", "/partners/{partnerId}/money-returned",
                "/partners/{partnerId}/in-kind-returned", "/partners/{partnerId}/entries/{entryId}/reversal",
                "/members/{memberId}/erasure-requests", "/members/{memberId}/erasure-requests/confirmation",
                "/members/{memberId}/departure")) {
            JsonNode post = api.path("paths").path(base + path).path("post");
            assertThat(post.isMissingNode()).as(path).isFalse();
            assertThat(post.path("responses").path("422").path("content").has("application/problem+json")).as(path).isTrue();
            assertThat(post.path("responses").path("400").path("content").has("application/problem+json")).as(path).isTrue();
        }
        // girocode: one's own payout details are PUT (replacing) and DELETEd, never POSTed; refusals are problems.
        JsonNode payout = api.path("paths").path(base + "/members/me/payout-details");
        assertThat(payout.path("put").path("responses").path("422").path("content").has("application/problem+json")).isTrue();
        assertThat(payout.path("delete").path("parameters").findValuesAsText("name")).contains("commandId");
        assertThat(api.path("paths").path(base + "/advances/{advanceId}/payment-instructions").path("get")
                .path("responses").path("404").path("content").has("application/problem+json")).isTrue();
        // The verifier: a read with a report, refused as a problem.
        JsonNode integrity = api.path("paths").path(base + "/integrity").path("get");
        assertThat(integrity.path("parameters").findValuesAsText("name")).contains("noted");
        assertThat(integrity.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asText()).endsWith("/IntegrityReport");
        assertThat(api.path("components").path("schemas").path("IntegrityReport").path("properties").has("latestCheckpoint")).isTrue();
        assertThat(integrity.path("responses").path("403").path("content").has("application/problem+json")).isTrue();
        // Parked events (issue 17): a list and a retry for the coordinator, refused as problems.
        JsonNode parked = api.path("paths").path(base + "/parked-events").path("get");
        assertThat(parked.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asText()).endsWith("/ParkedEventsReport");
        JsonNode retry = api.path("paths").path(base + "/parked-events/retry").path("post");
        assertThat(retry.path("parameters").findValuesAsText("name")).contains("processor", "sequence");
        assertThat(retry.path("responses").path("404").path("content").has("application/problem+json")).isTrue();
        assertThat(retry.path("responses").path("403").path("content").has("application/problem+json")).isTrue();
        // Request bodies of different capabilities must not share a schema name (springdoc names them by simple name).
        JsonNode schemas = api.path("components").path("schemas");
        assertThat(schemas.path("HelpGiven").path("properties").path("hours").path("properties").path("minutes")
                .path("type").asText()).isEqualTo("integer");
        assertThat(schemas.path("ErrandStart").path("properties").path("errandId").path("type").asText()).isEqualTo("string");
        assertThat(schemas.path("Expense").path("properties").path("receipt").path("pattern").asText()).isNotEmpty();
        // Nobody sets another person's password: a registration answers with an invitation instead.
        assertThat(schemas.path("MemberRegistration").path("properties").has("firstPassword")).isFalse();
        assertThat(schemas.path("RecordedMember").path("properties").path("invitation").isMissingNode()).isFalse();
    }

    @Test
    void swaggerUiIsServedWithoutLogin() {
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
    }
}
