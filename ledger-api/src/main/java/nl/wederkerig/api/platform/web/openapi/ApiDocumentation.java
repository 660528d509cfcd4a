package nl.wederkerig.api.platform.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReasonCode;
import nl.wederkerig.core.shared.ReceiptReference;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * Describes the API at {@code /v3/api-docs} (OpenAPI 3.0) with Swagger UI at
 * {@code /swagger-ui.html}. Value types are described by the JSON they produce, not by their Java
 * shape, and every operation documents its problem responses.
 */
@Configuration
public class ApiDocumentation {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String SUPPRESSED_COUNT = "^(< 5|[0-9]{1,18})$";
    static final String ID_PATTERN = "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$";

    /** Error statuses any operation may answer with, as problem details. */
    static final Map<String, String> PROBLEMS = Map.of(
            "400", "Bad input: malformed JSON, unknown field, invalid value",
            "401", "Not logged in",
            "403", "Not yours to see or change",
            "404", "No such record that you may see",
            "409", "Changed by someone else at the same moment, or the id chosen is already in use (`command-id-reused`)",
            "413", "The request body is larger than 64 KiB (an upload: larger than its documented limit)",
            "415", "The body's media type, or an uploaded file's kind (judged by its content), is not taken here",
            "422", "A business rule forbids it; `code` names the rule",
            "429", "Too many failed log-ins for this name: wait for `Retry-After` seconds");

    static {
        SpringDocUtils.getConfig()
                .replaceWithSchema(Money.class, money())
                .replaceWithSchema(Hours.class, hours())
                .replaceWithSchema(CommunityId.class, id("A community"))
                .replaceWithSchema(MemberId.class, id("A member (pseudonymous)"))
                .replaceWithSchema(CommandId.class, id("An id the client chose for one command, so a retry changes nothing"))
                .replaceWithSchema(AdvanceId.class, id("An advance, named by the client that makes it"))
                .replaceWithSchema(InitiativeId.class, id("An initiative of the community"))
                .replaceWithSchema(PartnerId.class, id("A partner of the community (care organisation, municipality, fund)"))
                .replaceWithSchema(ErrandId.class, id("An errand with entrusted cash, named by the client that starts it"))
                .replaceWithSchema(HelpId.class, id("A record of help given, named by the client that records it"))
                .replaceWithSchema(ClaimId.class, id("An expense claim, named by the client that submits it"))
                .replaceWithSchema(ReasonCode.class, id("A short code refining a closed reason"))
                .replaceWithSchema(ReceiptReference.class, new StringSchema()
                        .description("A reference to a receipt kept outside the ledger (its number or a scan's key)")
                        .pattern("^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$").maxLength(ReceiptReference.MAX_LENGTH_CHARS));
    }

    @Bean
    public OpenAPI wederkerigApi() {
        return new OpenAPI()
                .info(new Info().title("Wederkerig ledger API").version("v1")
                        .description("Event-sourced community ledger. Amounts are exact decimals with two places and a "
                                + "currency; dates are ISO-8601 business dates. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("For programs: send on every request; no session is made."))
                        .addSecuritySchemes("browserSession", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("After logging in at /login in a browser. Every POST, PUT, PATCH or DELETE "
                                        + "with this cookie needs the session's CSRF token in the X-CSRF-TOKEN header.")))
                // Either one: Basic, or the session cookie of a browser log-in.
                .addSecurityItem(new SecurityRequirement().addList("basicAuth"))
                .addSecurityItem(new SecurityRequirement().addList("browserSession"));
    }

    /** Adds the problem responses to every operation that does not document its own. */
    @Bean
    public OpenApiCustomizer documentedProblemResponses() {
        return api -> {
            // Added here, after generation: springdoc rebuilds the components from the code.
            api.getComponents().addSchemas("Problem", problem());
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    PROBLEMS.forEach((status, description) ->
                            operation.getResponses().putIfAbsent(status, problemResponse(description)))));
        };
    }

    /**
     * The reciprocity statement's counts are strings: the number, or "< 5" below five, so that a
     * partner cannot single out one or two neighbours (small-number suppression).
     */
    @Bean
    public OpenApiCustomizer suppressedCounts() {
        return api -> {
            Schema<?> line = api.getComponents().getSchemas() == null ? null : api.getComponents().getSchemas().get("StatementLine");
            if (line == null || line.getProperties() == null) {
                return;
            }
            for (String count : List.of("hoursEntries", "moneyReturns", "inKindReturns")) {
                line.getProperties().put(count, suppressedCount());
            }
            line.getProperties().put("servicesDrawn", new ObjectSchema().additionalProperties(suppressedCount())
                    .description("Services drawn per category, as suppressed counts"));
        };
    }

    private static Schema<?> suppressedCount() {
        return new StringSchema().pattern(SUPPRESSED_COUNT)
                .description("A count as a string: the number, or \"< 5\" when below five").example("< 5");
    }

    private static ApiResponse problemResponse(String description) {
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/Problem");
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem)));
    }

    private static Schema<?> money() {
        return new ObjectSchema()
                .description("An exact amount of money")
                .addProperty("amount", new StringSchema().pattern("^-?\\d{1,8}(\\.\\d{1,2})?$").example("12.50"))
                .addProperty("currency", new StringSchema().pattern("^[A-Z]{3}$").example("EUR"))
                .required(List.of("amount", "currency"));
    }

    private static Schema<?> hours() {
        return new ObjectSchema()
                .description("Time given, in whole minutes")
                .addProperty("minutes", new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)
                        .maximum(java.math.BigDecimal.valueOf(Hours.MAX_MINUTES)))
                .required(List.of("minutes"));
    }

    private static Schema<?> id(String description) {
        return new StringSchema().description(description).pattern(ID_PATTERN).maxLength(64);
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("Stable name of the rule or error"));
    }
}
