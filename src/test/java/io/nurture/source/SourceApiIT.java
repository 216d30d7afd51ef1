package io.nurture.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Sources and write keys through {@code /api/sources} over real HTTP: what an admin creates authenticates at once, a
 * revoked key at once no more, a key is seen once and stored only as its hash, and every other caller or body is
 * refused with a problem that changes nothing.
 */
@JobsOffAppTest
class SourceApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WriteKeys writeKeys;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void anAdminCreatesASourceWhoseKeyAuthenticatesAtOnce() {
        String name = newName();

        Response created = api.post("/api/sources", """
                {"name": "%s", "allowedOrigins": ["https://www.example.com", "HTTPS://Shop.Example.com:443",
                 "http://localhost:3000", "https://www.example.com"]}""".formatted(name), "demo");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("name").asText()).isEqualTo(name);
        assertThat(strings(body.get("allowedOrigins"))).as("normalised as a browser sends them, once each")
                .containsExactly("https://www.example.com", "https://shop.example.com", "http://localhost:3000");
        assertThat(body.get("keyId").asText()).isNotBlank();
        assertThat(body.get("createdAt").asText()).isNotBlank();
        String key = body.get("writeKey").asText();
        assertThat(key).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes, URL-safe Base64

        assertThat(writeKeys.sourceOf(key)).hasValueSatisfying(source -> {
            assertThat(source.name()).isEqualTo(name);
            assertThat(source.allowsOrigin("https://shop.example.com")).isTrue();
            assertThat(source.allowsOrigin("https://evil.example.com")).isFalse();
        });
        assertThat(writeKeys.sourceOf(key + "x")).isEmpty();
        assertThat(writeKeys.sourceOf(key.substring(1))).isEmpty();
    }

    @Test
    void theKeyIsShownOnceAndStoredOnlyAsItsHash() {
        String name = newName();
        Response created = api.post("/api/sources", "{\"name\": \"" + name + "\"}", "demo");
        String key = created.json().get("writeKey").asText();
        String keyId = created.json().get("keyId").asText();

        Response list = api.get("/api/sources", "demo");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(key).doesNotContain(NewWriteKey.hash(key));
        JsonNode listed = source(list, name);
        assertThat(listed.get("configured").asBoolean()).isFalse();
        assertThat(listed.get("allowedOrigins")).isEmpty();
        assertThat(listed.get("createdBy").asText()).isEqualTo("demo");
        JsonNode shownKey = listed.get("keys").get(0);
        assertThat(shownKey.get("keyId").asText()).isEqualTo(keyId);
        assertThat(shownKey.get("hint").asText()).isEqualTo(key.substring(0, 4));
        assertThat(shownKey.get("createdBy").asText()).isEqualTo("demo");
        assertThat(shownKey.has("revokedAt")).isFalse();

        Map<String, Object> row = jdbc.sql("SELECT * FROM source_write_key WHERE key_id = ?").param(keyId)
                .query().singleRow();
        assertThat(row.values()).extracting(String::valueOf).noneMatch(value -> value.contains(key));
        assertThat(row.get("key_hash")).as("column names in any case").isEqualTo(NewWriteKey.hash(key));
    }

    @Test
    void aSecondKeyRotatesAndARevokedKeyStopsAtOnce() {
        String name = newName();
        JsonNode first = api.post("/api/sources", """
                {"name": "%s", "allowedOrigins": ["https://app.example.com"]}""".formatted(name), "demo").json();

        Response rotated = api.post("/api/sources/" + name + "/keys", "", "demo");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        JsonNode second = rotated.json();
        assertThat(strings(second.get("allowedOrigins"))).containsExactly("https://app.example.com");
        assertThat(second.get("writeKey").asText()).isNotEqualTo(first.get("writeKey").asText());
        assertThat(writeKeys.sourceOf(first.get("writeKey").asText())).isPresent();
        assertThat(writeKeys.sourceOf(second.get("writeKey").asText())).isPresent();

        Response revoked = api.delete("/api/sources/" + name + "/keys/" + first.get("keyId").asText(), "demo");

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        assertThat(writeKeys.sourceOf(first.get("writeKey").asText())).isEmpty();
        assertThat(writeKeys.sourceOf(second.get("writeKey").asText())).isPresent();
        JsonNode keys = source(api.get("/api/sources", "demo"), name).get("keys");
        assertThat(keys).hasSize(2);
        JsonNode revokedKey = keys.get(0).get("keyId").asText().equals(first.get("keyId").asText()) ? keys.get(0)
                : keys.get(1);
        assertThat(revokedKey.get("revokedBy").asText()).isEqualTo("demo");
        String revokedAt = revokedKey.get("revokedAt").asText();

        Response again = api.delete("/api/sources/" + name + "/keys/" + first.get("keyId").asText(), "demo");
        assertThat(again.status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT revoked_at FROM source_write_key WHERE key_id = ?")
                .param(first.get("keyId").asText()).query(Timestamp.class).single().toInstant())
                .hasToString(revokedAt);
    }

    @Test
    void configuredSourcesAreListedWithoutTheirKey() {
        Response list = api.get("/api/sources", "demo");

        JsonNode website = source(list, "website");
        assertThat(website.get("configured").asBoolean()).isTrue();
        assertThat(strings(website.get("allowedOrigins"))).containsExactly("http://localhost:3000");
        assertThat(website.get("keys")).isEmpty();
        assertThat(list.body()).doesNotContain(DemoWriteKey.VALUE);
        assertThat(writeKeys.sourceOf(DemoWriteKey.VALUE)).hasValueSatisfying(
                source -> assertThat(source.name()).isEqualTo("website"));
    }

    @Test
    void aConfiguredOrExistingNameIsAConflict() {
        long sources = sources();
        Response configured = api.post("/api/sources", "{\"name\": \"website\"}", "demo");
        Response configuredKey = api.post("/api/sources/website/keys", "", "demo");

        assertProblem(configured, 409, "set by configuration");
        assertProblem(configuredKey, 409, "set by configuration");
        assertThat(sources()).isEqualTo(sources);

        String name = newName();
        api.post("/api/sources", "{\"name\": \"" + name + "\"}", "demo");
        long keys = keys();
        assertProblem(api.post("/api/sources", "{\"name\": \"" + name + "\"}", "demo"), 409,
                "POST /api/sources/" + name + "/keys");
        assertThat(keys()).isEqualTo(keys);
    }

    @Test
    void unknownSourcesAndKeysAreNotFound() {
        String name = newName();
        assertProblem(api.post("/api/sources/" + name + "/keys", "", "demo"), 404, "no source '" + name + "'");
        api.post("/api/sources", "{\"name\": \"" + name + "\"}", "demo");
        assertProblem(api.delete("/api/sources/" + name + "/keys/" + UUID.randomUUID(), "demo"), 404, "has no key");

        String other = newName();
        JsonNode otherKey = api.post("/api/sources", "{\"name\": \"" + other + "\"}", "demo").json();
        assertProblem(api.delete("/api/sources/" + name + "/keys/" + otherKey.get("keyId").asText(), "demo"), 404,
                "has no key");
        assertThat(writeKeys.sourceOf(otherKey.get("writeKey").asText())).as("another source's key stays").isPresent();
        assertProblem(api.delete("/api/sources/" + name + "/keys/not%20an%20id", "demo"), 400, "keyId");
        assertProblem(api.post("/api/sources/Bad_Name/keys", "", "demo"), 400, "name");
    }

    @Test
    void withoutLoginEverythingIsRefused() {
        long sources = sources();
        for (Response response : List.of(api.post("/api/sources", "{\"name\": \"" + newName() + "\"}", null),
                api.get("/api/sources", null), api.post("/api/sources/website/keys", "", null),
                api.delete("/api/sources/website/keys/" + UUID.randomUUID(), null))) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(sources()).isEqualTo(sources);
    }

    @ParameterizedTest
    @ValueSource(strings = { "marketer", "integration", "sdr", "sales", "privacy" })
    void noOtherGroupMayCreateListOrRevoke(String user) {
        String name = newName();
        JsonNode key = api.post("/api/sources", "{\"name\": \"" + name + "\"}", "demo").json();
        long sources = sources();

        for (Response response : List.of(api.post("/api/sources", "{\"name\": \"" + newName() + "\"}", user),
                api.get("/api/sources", user), api.post("/api/sources/" + name + "/keys", "", user),
                api.delete("/api/sources/" + name + "/keys/" + key.get("keyId").asText(), user))) {
            assertProblem(response, 403, "is for the groups camunda-admin");
            assertThat(response.body()).doesNotContain(key.get("writeKey").asText());
        }
        assertThat(sources()).isEqualTo(sources);
        assertThat(writeKeys.sourceOf(key.get("writeKey").asText())).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM source_write_key WHERE source_name = ?").param(name)
                .query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"\"", "\"Website\"", "\"-site\"", "\"web site\"", "\"web_site\"", "\"wébsite\"",
            "\"a1234567890123456789012345678901234567890\"", "null" })
    void aBadNameIsRefusedNamingTheField(String name) {
        assertRefused("{\"name\": " + name + "}", "name");
    }

    @Test
    void aMissingNameIsRefused() {
        assertRefused("{\"allowedOrigins\": [\"https://www.example.com\"]}", "name is required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://www.example.com/", "https://www.example.com/path", "*", "https://*.example.com",
            "null", "www.example.com", "https://user@www.example.com", "https://www.example.com:99999",
            "https://www.example.com:0", "javascript:alert(1)", "https://www.example.com?x=1",
            "https://www.example.com#top", "https://exa mple.com", "https://bücher.example", " https://example.com",
            "" })
    void aBadOriginIsRefusedNamingTheField(String origin) {
        assertRefused("{\"name\": \"" + newName() + "\", \"allowedOrigins\": [\"https://ok.example.com\", \""
                + origin + "\"]}", "allowedOrigins[1]");
    }

    @Test
    void anOverlongOriginIsRefused() {
        assertRefused("{\"name\": \"" + newName() + "\", \"allowedOrigins\": [\"https://" + "a".repeat(60) + "."
                + "b".repeat(60) + "." + "c".repeat(60) + ".example.com\"]}", "allowedOrigins[0] is longer than 200");
    }

    @Test
    void atMostTwentyOrigins() {
        String origins = IntStream.rangeClosed(1, 21).mapToObj(i -> "\"https://site" + i + ".example.com\"")
                .collect(Collectors.joining(", "));
        assertRefused("{\"name\": \"" + newName() + "\", \"allowedOrigins\": [" + origins + "]}",
                "allowedOrigins may list at most 20");
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefusedNamingTheField() {
        assertRefused("{\"name\": \"" + newName() + "\", \"writeKey\": \"mine\"}", "unknown field 'writeKey'");
        assertRefused("{\"name\": \"" + newName() + "\", \"allowed_origins\": []}", "unknown field 'allowed_origins'");
        assertRefused("{\"name\": 42}", "name must be a string");
        assertRefused("{\"name\": {\"a\": 1}}", "name must be a string");
        assertRefused("{\"name\": \"" + newName() + "\", \"allowedOrigins\": \"https://www.example.com\"}",
                "allowedOrigins must be a list");
        assertRefused("{\"name\": \"" + newName() + "\", \"allowedOrigins\": [true]}", "allowedOrigins[0] must be "
                + "a string");
        assertRefused("[\"" + newName() + "\"]", "must be an object");
        assertRefused("{\"name\": \"" + newName() + "\"", "ends before");
        assertRefused("", "missing");
        assertRefused("{\"name\": \"" + newName() + "\", \"allowedOrigins\": " + "[".repeat(100)
                + "]".repeat(100) + "}", "allowedOrigins");
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() {
        long sources = sources();
        Response huge = api.post("/api/sources", "{\"name\": \"" + "a".repeat(200_000) + "\"}", "demo");

        assertThat(huge.status()).as(huge.body()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(sources()).isEqualTo(sources);

        assertRefused("{\"name\": \"" + "a".repeat(50_000) + "\"}", "name must be 1 to 40");
    }

    /** The body is refused with a 400 problem whose detail says {@code expected}, and nothing is stored. */
    private void assertRefused(String body, String expected) {
        long sources = sources();
        long keys = keys();
        Response response = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/sources"))
                .header("Authorization", NurtureClient.basic("demo", "demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertProblem(response, 400, expected);
        assertThat(sources()).as("nothing stored for " + body).isEqualTo(sources);
        assertThat(keys()).isEqualTo(keys);
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    private static JsonNode source(Response list, String name) {
        for (JsonNode source : list.json()) {
            if (source.get("name").asText().equals(name)) {
                return source;
            }
        }
        throw new AssertionError("no source " + name + " in " + list.body());
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private long sources() {
        return jdbc.sql("SELECT COUNT(*) FROM source").query(Long.class).single();
    }

    private long keys() {
        return jdbc.sql("SELECT COUNT(*) FROM source_write_key").query(Long.class).single();
    }

    private static String newName() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
