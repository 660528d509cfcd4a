package nl.wederkerig.api.openapi;

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
    void swaggerUiIsServedWithoutLogin() {
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
    }
}
