package nl.wederkerig.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Requests to one community's resources as a logged-in member (password {@link Neighbours#PASSWORD}). */
public final class Api {

    private final TestRestTemplate http;
    private final CommunityId community;

    public Api(TestRestTemplate http, CommunityId community) {
        this.http = http;
        this.community = community;
    }

    public ResponseEntity<JsonNode> post(MemberId as, String path, String json) {
        return post(as.value(), Neighbours.PASSWORD, path, json);
    }

    public ResponseEntity<JsonNode> post(MemberId as, String path, String json, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD)
                .exchange("/api/v1/communities/" + community + path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String username, String password, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(username, password)
                .exchange("/api/v1/communities/" + community + path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(MemberId as, String path) {
        return get(as.value(), Neighbours.PASSWORD, path);
    }

    public ResponseEntity<JsonNode> get(String username, String password, String path) {
        return http.withBasicAuth(username, password).getForEntity("/api/v1/communities/" + community + path, JsonNode.class);
    }

    /** The JSON object {@code json} with one more top-level field, e.g. {@code "actor":"x"}. */
    public static String with(String json, String field) {
        int end = json.lastIndexOf('}');
        return json.substring(0, end) + "," + field + "}";
    }

    /** The status and, for a problem, its code: one value to assert on. */
    public static String answer(ResponseEntity<JsonNode> response) {
        JsonNode body = response.getBody();
        String code = body == null ? "" : body.path("code").asText("");
        return response.getStatusCode().value() + (code.isEmpty() ? "" : " " + code);
    }
}
