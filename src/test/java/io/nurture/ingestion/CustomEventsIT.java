package io.nurture.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Any event name a site sends is a type: normalised, stored, on the timeline, counted in the events report, scored by
 * behaviour-score.dmn, and heard by a diagram as the message {@code event:<type>}. Spec names that mean a built-in type
 * are that type.
 */
@InboxAppTest
class CustomEventsIT {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void aCustomEventIsStoredScoredShownAndCounted() {
        String email = unique("trial");
        JsonNode lead = post("form_submitted", email, null);
        JsonNode trial = post("Trial Started", email, "2026-11-30T09:00:00Z");

        assertThat(trial.get("contactId").asText()).isEqualTo(lead.get("contactId").asText());
        assertThat(trial.get("score").asInt()).as("form 10 + trial_started 20 in behaviour-score.dmn")
                .isEqualTo(lead.get("score").asInt() + 20);
        JsonNode timeline = api.get("/api/reports/contacts/" + trial.get("contactId").asText() + "/timeline", "marketer")
                .json();
        assertThat(timeline.get("entries").findValuesAsText("title")).contains("trial_started");

        String rare = "Sample " + UUID.randomUUID().toString().substring(0, 8);
        String rareType = rare.toLowerCase().replace(' ', '_');
        post(rare, email, "2003-04-05T10:00:00Z");
        post(rare.toUpperCase(), email, "2003-04-05T11:00:00Z");
        post(rare, unique("other"), "2003-04-05T12:00:00Z");
        JsonNode report = api.get("/api/reports/events?from=2003-04-05&to=2003-04-05", "marketer").json();
        JsonNode counted = find(report.get("types"), rareType);
        assertThat(counted.get("events").asLong()).isEqualTo(3);
        assertThat(counted.get("contacts").asLong()).isEqualTo(2);
        assertThat(counted.get("builtIn").asBoolean()).isFalse();
        Response csv = api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(api.baseUrl() + "/api/reports/events?from=2003-04-05&to=2003-04-05"))
                .header("Authorization", NurtureClient.basic("marketer", "marketer")).header("Accept", "text/csv")
                .GET().build());
        assertThat(csv.body()).contains("\"" + rareType + "\",\"false\",\"3\",\"2\"");
    }

    @Test
    void specNamesAndNamesOfBuiltInTypesAreThoseTypes() {
        String email = unique("buyer");
        post("form_submitted", email, null);

        JsonNode demo = post("Demo Requested", email, null);
        assertThat(demo.get("lifecycleStage").asText()).as("a hand-raiser").isEqualTo("MQL");
        JsonNode order = post("Order Completed", email, null);
        assertThat(order.get("lifecycleStage").asText()).as("a purchase").isEqualTo("CUSTOMER");

        JsonNode timeline = api.get("/api/reports/contacts/" + order.get("contactId").asText() + "/timeline",
                "marketer").json();
        assertThat(timeline.get("entries").findValuesAsText("title")).contains("demo_requested", "purchase")
                .doesNotContain("order_completed");
    }

    @Test
    void aDiagramStartsOnACustomEventOncePerContactAndEndsOnAnother() {
        String deployment = repository.createDeployment().name("trial-nurture-test")
                .addClasspathResource("campaigns/trial-nurture.bpmn").deploy().getId();
        try {
            String email = unique("extended");
            String contactId = post("form_submitted", email, null).get("contactId").asText();

            post("Trial Extended Test", email, null);
            post("trial_extended_test", email, null);
            assertThat(running(contactId)).as("started once while it runs").isEqualTo(1);

            post("Trial Converted Test", email, null);
            assertThat(running(contactId)).isZero();
            assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("trial-nurture-test")
                    .processInstanceBusinessKey(contactId).completed().list())
                    .extracting(instance -> instance.getEndActivityId()).containsExactly("EndEvent_Converted");

            post("trial_extended_test", email, null);
            assertThat(running(contactId)).as("a new run once the last one ended").isEqualTo(1);
            assertThat(runtime.getVariable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId)
                    .processDefinitionKey("trial-nurture-test").singleResult().getId(), "contactId"))
                    .isEqualTo(contactId);

            String other = post("form_submitted", unique("untouched"), null).get("contactId").asText();
            assertThat(running(other)).as("another contact's events start nothing for this one").isZero();
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aNameThatIsNoTypeIsRefusedAndStoresNothing() {
        String email = unique("refused");
        for (String name : List.of("--", "42 things", "x".repeat(41), "é")) {
            Response response = api.post("/api/events", """
                    {"type": "%s", "email": "%s"}""".formatted(name, email), "integration");
            assertThat(response.status()).as(name).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).contains("is not an event type");
        }
        assertThat(api.get("/api/contacts?email=" + email, "marketer").json()).isEmpty();
    }

    private long running(String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("trial-nurture-test")
                .processInstanceBusinessKey(contactId).count();
    }

    private JsonNode post(String type, String email, String occurredAt) {
        Response response = api.post("/api/events", """
                {"type": "%s", "email": "%s"%s}""".formatted(type, email,
                occurredAt == null ? "" : ", \"occurredAt\": \"" + occurredAt + "\""), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    private static JsonNode find(JsonNode types, String type) {
        for (JsonNode node : types) {
            if (node.get("type").asText().equals(type)) {
                return node;
            }
        }
        throw new AssertionError(type + " not in " + types);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }
}
