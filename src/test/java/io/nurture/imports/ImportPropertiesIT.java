package io.nurture.imports;

import static io.nurture.imports.Uploads.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * CSV columns mapped to custom contact properties over real HTTP: typed values stored on new and known contacts, an
 * empty cell leaving the property as it is, a bad value refused as its row (in the dry run too), a re-import changing
 * nothing, a live segment on the imported property filling, and a bad mapping refused whole with nothing stored.
 */
@JobsOffAppTest
class ImportPropertiesIT {

    private static final String CSV = "email,Plan\nrefused@example.com,pro\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;
    Uploads uploads;
    String tag;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
        uploads = new Uploads(api);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void mappedColumnsFillCustomPropertiesAndTheirReImportChangesNothing() {
        String known = email("known");
        Response event = api.post("/api/events", """
                {"type": "page_view", "email": "%s", "contactProperties": {"plan": "free", "region": "emea"}}"""
                .formatted(known), "integration");
        assertThat(event.status()).as(event.body()).isEqualTo(202);
        String csv = "E-Mail,Plan,Seats,Beta\r\n"
                + email("ada") + ",pro-" + tag + ",25,true\r\n"
                + known + ",,3.5,\r\n"
                + email("long") + "," + "x".repeat(501) + ",1,\r\n"
                + email("zip") + ",007,0012,no\r\n";
        String mapping = """
                {"email": "E-Mail", "properties": {"plan": "Plan", "seats": "seats", "beta": "Beta"}}""";

        JsonNode report = uploads.imported(csv, fields("mapping", mapping));

        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("updated").asInt()).as("only its properties change").isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(1);
        JsonNode errors = api.get("/api/imports/" + report.get("id").asText() + "/errors", "marketer").json();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(4);
        assertThat(errors.get(0).get("reason").asText())
                .contains("properties.plan (column 'Plan') must be at most 500 characters");
        assertThat(contactByEmail(email("long"))).as("a refused row stores nothing").isNull();

        JsonNode ada = properties(email("ada"));
        assertThat(ada.get("plan").asText()).isEqualTo("pro-" + tag);
        assertThat(ada.get("seats").isNumber()).as(ada.toString()).isTrue();
        assertThat(ada.get("seats").asInt()).isEqualTo(25);
        assertThat(ada.get("beta").isBoolean()).as(ada.toString()).isTrue();
        JsonNode kept = properties(known);
        assertThat(kept.get("plan").asText()).as("an empty cell leaves it as it is").isEqualTo("free");
        assertThat(kept.get("region").asText()).as("not in the file: untouched").isEqualTo("emea");
        assertThat(kept.get("seats").asDouble()).isEqualTo(3.5);
        JsonNode zip = properties(email("zip"));
        assertThat(zip.get("plan").asText()).as("a leading zero stays text").isEqualTo("007");
        assertThat(zip.get("seats").asText()).isEqualTo("0012");
        assertThat(zip.get("beta").asText()).isEqualTo("no");
        long rows = propertyRows();

        JsonNode again = uploads.imported(csv, fields("mapping", mapping));

        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(again.get("refused").asInt()).isEqualTo(1);
        assertThat(propertyRows()).as("no duplicate, no new row").isEqualTo(rows);
        assertThat(properties(email("ada")).get("plan").asText()).isEqualTo("pro-" + tag);
    }

    @Test
    void aDryRunCountsPropertyChangesAndRefusalsAndStoresNone() {
        String known = email("dry");
        api.post("/api/events", """
                {"type": "page_view", "email": "%s", "contactProperties": {"plan": "free"}}""".formatted(known),
                "integration");
        String crowded = email("crowded");
        api.post("/api/events", """
                {"type": "page_view", "email": "%s", "contactProperties": {%s}}""".formatted(crowded,
                IntStream.range(0, 50).mapToObj(i -> "\"p" + i + "\": " + i).collect(Collectors.joining(", "))),
                "integration");
        assertThat(properties(crowded)).hasSize(50);
        String csv = "email,plan\n" + known + ",pro\n" + email("new") + ",pro\n" + email("bell") + ",ding\u0007\n"
                + crowded + ",pro\n";

        JsonNode report = uploads.imported(csv, fields("mapping", "{\"properties\": {\"plan\": \"plan\"}}",
                "dryRun", "true"));

        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("updated").asInt()).isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(2);
        JsonNode errors = api.get("/api/imports/" + report.get("id").asText() + "/errors", "marketer").json();
        assertThat(errors.get(0).get("reason").asText()).contains("properties.plan (column 'plan')",
                "control characters");
        assertThat(errors.get(1).get("reason").asText()).contains("at most 50 custom properties");
        assertThat(properties(known).get("plan").asText()).as("a dry run writes nothing").isEqualTo("free");
        assertThat(contactByEmail(email("new"))).isNull();

        JsonNode real = uploads.imported(csv, fields("mapping", "{\"properties\": {\"plan\": \"plan\"}}"));

        assertThat(real.get("created").asInt()).isEqualTo(1);
        assertThat(real.get("updated").asInt()).isEqualTo(1);
        assertThat(real.get("refused").asInt()).isEqualTo(2);
        assertThat(properties(known).get("plan").asText()).isEqualTo("pro");
        assertThat(properties(crowded)).as("the crowded contact is left whole").hasSize(50);
        assertThat(properties(crowded).has("plan")).isFalse();
    }

    @Test
    void aLiveSegmentOnAnImportedPropertyGainsTheImportedContacts() {
        String plan = "seg-" + tag;
        Response created = api.post("/api/segments", """
                {"name": "Plan %s", "rule": {"all": [{"property": "plan", "op": "eq", "value": "%s"},
                                                      {"property": "seats", "op": "gte", "value": 10}]}}"""
                .formatted(tag, plan), "marketer");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String segment = created.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/segments/" + segment, "marketer").json()
                .get("rebuild").get("state").asText().equals("done"));
        String known = email("known");
        api.post("/api/events", "{\"type\": \"page_view\", \"email\": \"" + known + "\"}", "integration");

        uploads.imported("email,Plan,Seats\n" + email("big") + "," + plan + ",12\n" + email("small") + "," + plan
                + ",2\n" + known + "," + plan + ",40\n", fields("mapping",
                        "{\"properties\": {\"plan\": \"Plan\", \"seats\": \"Seats\"}}"));

        JsonNode members = api.get("/api/segments/" + segment + "/members", "marketer").json();
        assertThat(members.get("total").asLong()).isEqualTo(2);
        assertThat(members.get("members").findValuesAsText("email")).containsExactlyInAnyOrder(email("big"), known);
    }

    @Test
    void aBadPropertyMappingIsRefusedWholeWithNothingStored() {
        refused(() -> upload("{\"properties\": {\"1plan\": \"Plan\"}}"), "mapping.properties.1plan");
        refused(() -> upload("{\"properties\": {\"pl-an\": \"Plan\"}}"), "mapping.properties.pl-an");
        refused(() -> upload("{\"properties\": {\"" + "p".repeat(41) + "\": \"Plan\"}}"), "mapping.properties.ppp");
        refused(() -> upload("{\"properties\": {\"plan\": \"Tarif\"}}"),
                "mapping.properties.plan: the file has no column 'Tarif'");
        refused(() -> upload("{\"properties\": {\"plan\": \" \"}}"), "mapping.properties.plan");
        refused(() -> upload("{\"properties\": {\"plan\": null}}"), "mapping.properties.plan");
        refused(() -> upload("{\"properties\": " + IntStream.range(0, 51).mapToObj(i -> "\"p" + i + "\": \"Plan\"")
                .collect(Collectors.joining(", ", "{", "}")) + "}"), "mapping.properties: at most 50");
        refused(() -> upload("{\"properties\": " + IntStream.range(0, 10_000).mapToObj(i -> "\"p" + i + "\": \"Plan\"")
                .collect(Collectors.joining(", ", "{", "}")) + "}"), "mapping: at most 16000 characters");
    }

    @Test
    void aPropertyMappingOfTheWrongShapeIsRefused() {
        refused(() -> upload("{\"properties\": \"Plan\"}"), "mapping.properties: must be an object");
        refused(() -> upload("{\"properties\": [\"Plan\"]}"), "mapping.properties: must be an object");
        refused(() -> upload("{\"properties\": {\"plan\": 5}}"), "mapping.properties.plan: must be a column name");
        refused(() -> upload("{\"properties\": {\"plan\": true}}"), "mapping.properties.plan: must be a column name");
        refused(() -> upload("{\"properties\": {\"plan\": {\"a\": \"Plan\"}}}"), "mapping.properties.plan");
        refused(() -> upload("{\"properties\": {\"plan\": " + "[".repeat(3_000) + "]".repeat(3_000) + "}}"),
                "mapping.properties.plan");
        refused(() -> upload("{\"properties\": {\"plan\": " + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)
                + "}}"), "mapping.properties.plan");
        refused(() -> upload("{\"properties\": {\"plan\": \"" + "P".repeat(15_000) + "\"}}"),
                "mapping.properties.plan: the file has no column 'PPP");
    }

    @Test
    void theLowestRoleMayNotImportProperties() {
        long before = propertyRows();
        Response response = uploads.upload(CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                fields("mapping", "{\"properties\": {\"plan\": \"Plan\"}}"), "sales");
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(propertyRows()).isEqualTo(before);
        assertThat(contactByEmail("refused@example.com")).isNull();
    }

    private Response upload(String mapping) {
        return uploads.upload(CSV, fields("mapping", mapping));
    }

    private void refused(Supplier<Response> call, String named) {
        long importsBefore = count("contact_import");
        long partsBefore = count("contact_import_part");
        Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(named);
        assertThat(count("contact_import")).as("no import stored").isEqualTo(importsBefore);
        assertThat(count("contact_import_part")).as("no upload kept").isEqualTo(partsBefore);
        assertThat(contactByEmail("refused@example.com")).isNull();
    }

    private JsonNode properties(String email) {
        String id = contactByEmail(email);
        assertThat(id).as(email).isNotNull();
        return api.get("/api/contacts/" + id, "marketer").json().get("properties");
    }

    private String contactByEmail(String email) {
        return jdbc.sql("SELECT id FROM contact WHERE email = ?").param(email).query(String.class).optional()
                .orElse(null);
    }

    private long propertyRows() {
        return count("contact_property");
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private String email(String name) {
        return name + "-" + tag + "@props.example";
    }
}
