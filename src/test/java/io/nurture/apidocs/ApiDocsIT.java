package io.nurture.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * The published OpenAPI description, fetched over HTTP, against the handlers Spring MVC really maps: every
 * {@code /api}, {@code /v1} and {@code /f} mapping is documented with its method, nothing else is; and who may read it.
 */
@JobsOffAppTest
class ApiDocsIT {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void everyMappingIsDocumentedAndNothingElse() throws Exception {
        Response docs = api.get("/api/docs", "integration");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), docs.body());

        assertThat(documented(docs.json())).isEqualTo(mapped()).contains("POST /api/events", "POST /v1/track",
                "POST /v1/t", "POST /f/{form}", "GET /api/contacts/{id}", "GET /api/inbox/sms",
                "GET /api/campaigns/{key}/suspension", "POST /api/campaigns/{key}/suspension",
                "DELETE /api/campaigns/{key}/suspension");
    }

    @Test
    void eachPartNamesHowToAuthenticateAndAnswersProblems() {
        JsonNode spec = api.get("/api/docs", "demo").json();

        assertThat(spec.at("/components/securitySchemes/nurtureUser/scheme").asText()).isEqualTo("basic");
        assertThat(spec.at("/components/securitySchemes/writeKey/scheme").asText()).isEqualTo("basic");
        JsonNode events = spec.at("/paths/~1api~1events/post");
        assertThat(events.at("/security/0").has("nurtureUser")).isTrue();
        assertThat(events.get("description").asText()).contains("`integration`", "`camunda-admin`");
        assertThat(events.at("/responses/403/content").has("application/problem+json")).isTrue();
        assertThat(spec.at("/paths/~1v1~1batch/post/security/0").has("writeKey")).isTrue();
        assertThat(spec.at("/paths/~1v1~1batch/post/responses/401/content").has("application/problem+json")).isTrue();
        assertThat(spec.at("/paths/~1f~1{form}/post/security").isEmpty()).as("public").isTrue();
        assertThat(spec.at("/components/schemas/Problem/properties").has("detail")).isTrue();
    }

    @Test
    void theImportMappingNamesTheFieldsAndCustomProperties() {
        JsonNode imports = api.get("/api/docs", "integration").json().get("paths").get("/api/imports").get("post");
        JsonNode mapping = null;
        for (JsonNode parameter : imports.get("parameters")) {
            if (parameter.get("name").asText().equals("mapping")) {
                mapping = parameter;
            }
        }
        assertThat(mapping).as(imports.toString()).isNotNull();
        assertThat(mapping.get("description").asText()).contains("`consentSms`", "`properties`",
                "{\"plan\": \"Plan\"}", "at most 50", "an empty cell leaves the property as it is");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/docs", "/api/docs.yaml", "/api/docs/swagger-config", "/api/docs/ui",
            "/api/docs/swagger-ui/index.html", "/api/docs/swagger-ui/swagger-initializer.js" })
    void theDocsAreForGroupsWithAnApiOfTheirOwn(String path) {
        Response anonymous = api.get(path, null);
        Response sdr = api.get(path, "sdr");
        Response marketer = api.get(path, "marketer");
        Response privacy = api.get(path, "privacy");

        assertThat(anonymous.status()).as("anonymous").isEqualTo(401);
        assertThat(sdr.status()).as("sdr, who has no /api").isEqualTo(403);
        assertThat(sdr.contentType()).startsWith("application/problem+json");
        assertThat(marketer.status()).as("marketer: " + marketer.body()).isIn(200, 302);
        assertThat(privacy.status()).as("privacy").isIn(200, 302);
    }

    private static Set<String> documented(JsonNode spec) {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    /** The handlers of /api, /v1 and /f, but springdoc's own (the description and Swagger UI). */
    private Set<String> mapped() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (mapping.getValue().getBeanType().getPackageName().startsWith("org.springdoc")) {
                continue;
            }
            RequestMappingInfo info = mapping.getKey();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.startsWith("/v1/") || pattern.startsWith("/f/")) {
                    assertThat(info.getMethodsCondition().getMethods()).as(pattern + " names its methods")
                            .isNotEmpty();
                    info.getMethodsCondition().getMethods()
                            .forEach(method -> operations.add(method.name() + " " + pattern));
                }
            }
        }
        return operations;
    }
}
