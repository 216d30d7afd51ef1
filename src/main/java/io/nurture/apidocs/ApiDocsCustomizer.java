package io.nurture.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.nurture.security.ApiAccessRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Per operation, from its path: the security scheme ({@code /api} a user, {@code /v1} a write key, {@code /f} none),
 * a tag by area, the groups of {@link ApiAccessRules} in the description, and the RFC 9457 problems it may answer.
 */
class ApiDocsCustomizer implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("events", "Ingest events (`POST /api/events`): the one way in for your own back end");
        TAGS.put("contacts", "Contacts with scores, consent and stage history; deals, notifications, erasure");
        TAGS.put("erasures", "The audit of erased contacts");
        TAGS.put("reports", "Funnel, velocity, campaign and event reports (JSON, or CSV with `Accept: text/csv`)");
        TAGS.put("campaigns", "A/B split results per campaign");
        TAGS.put("sources", "The tracking API's sources and their write keys (admins)");
        TAGS.put("inbox", "The built-in mail inbox and SMS outbox, when no provider is configured (admins)");
        TAGS.put("tracking", "Segment's HTTP tracking API, with analytics.js's short paths");
        TAGS.put("forms", "Public form capture: a site's own HTML form posts here");
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.setTags(TAGS.entrySet().stream()
                .map(tag -> new Tag().name(tag.getKey()).description(tag.getValue())).toList());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        operation.setTags(List.of(tagOf(path)));
        if (operation.getRequestBody() != null || operation.getParameters() != null) {
            problem(operation, "400", "Bad input; the `detail` names the field");
        }
        if (path.startsWith("/api/")) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocsConfiguration.USER)));
            problem(operation, "401", "No or wrong credentials");
            problem(operation, "403", "The user is in none of the groups that may call this");
            problem(operation, "429", "Too many failed logins from this address (`Retry-After`)");
            ApiAccessRules.groupsFor(method.name(), path).ifPresent(groups -> operation.setDescription(
                    join(operation.getDescription(), "Groups: `" + String.join("`, `", groups) + "`.")));
        } else if (path.startsWith("/v1/")) {
            TrackingCalls.describe(path, operation);
            operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocsConfiguration.WRITE_KEY)));
            problem(operation, "401", "No, unknown or revoked write key");
            problem(operation, "413", "The body is larger than the cap of `/v1`");
            problem(operation, "429", "Too many requests with a wrong key from this address (`Retry-After`)");
        } else {
            TrackingCalls.describeForm(operation);
            operation.setSecurity(List.of());
            problem(operation, "403", "A browser posting from an origin the form does not allow");
            problem(operation, "415", "Neither urlencoded nor JSON");
            problem(operation, "429", "Too many fills from this address (`Retry-After`)");
        }
    }

    private static String tagOf(String path) {
        if (path.startsWith("/v1/")) {
            return "tracking";
        }
        if (path.startsWith("/f/")) {
            return "forms";
        }
        String area = path.substring("/api/".length()).split("/")[0];
        return TAGS.containsKey(area) ? area : "other";
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("properties.cartUrl must be at most 2000 characters"))
                .addProperty("instance", new StringSchema().example("/api/events"));
    }

    private static String join(String description, String more) {
        return description == null || description.isBlank() ? more : description + "\n\n" + more;
    }
}
