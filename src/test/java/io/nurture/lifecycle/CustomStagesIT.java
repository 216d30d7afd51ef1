package io.nurture.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * A growth team's own funnel, end to end over HTTP: a product-qualified stage (PQL) between LEAD and MQL and a
 * sales-accepted stage (SAL) before SQL, and the advocate role renamed to PROMOTER.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.inbox.smtp-port=0",
        "spring.datasource.url=jdbc:h2:mem:nurture-custom-stages;DB_CLOSE_DELAY=-1",
        "nurture.lifecycle.stages=VISITOR,LEAD,PQL,MQL,SAL,SQL,OPPORTUNITY,CUSTOMER,PROMOTER",
        "nurture.lifecycle.roles.advocate=PROMOTER",
        "nurture.lifecycle.rules[0].to=LEAD",
        "nurture.lifecycle.rules[0].events=form_submitted,content_downloaded,webinar_registered,webinar_attended",
        "nurture.lifecycle.rules[1].to=PQL",
        "nurture.lifecycle.rules[1].events=pricing_page_view",
        "nurture.lifecycle.rules[2].to=CUSTOMER",
        "nurture.lifecycle.rules[2].events=purchase" })
@DirtiesContext // one engine per JVM
class CustomStagesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> STAGES = List.of("VISITOR", "LEAD", "PQL", "MQL", "SAL", "SQL", "OPPORTUNITY",
            "CUSTOMER", "PROMOTER");
    /** industry software (15) + 250 employees (15) + DE (5) in fit-score.dmn */
    private static final String GOOD_FIT = """
            {"industry": "software", "companySize": 250, "country": "DE"}""";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void anEventRuleMovesALeadToTheTeamsOwnStageAndTheScoreStillMakesOneMql() {
        long pqlEntriesBefore = funnelRow("PQL").get("entries").asLong();
        String email = unique("trial");
        String contactId = event("content_downloaded", email, GOOD_FIT).get("contactId").asText(); // 8, fit 35

        JsonNode priced = event("pricing_page_view", email, null); // +10 = 53, below the MQL threshold

        assertThat(priced.get("lifecycleStage").asText()).isEqualTo("PQL");
        assertThat(contact(contactId).get("lifecycleStage").asText()).isEqualTo("PQL");
        assertThat(instances("lead-handoff", contactId)).isZero();

        JsonNode crossed = event("webinar_attended", email, "{\"minutes\": 10}"); // +15 = 68

        assertThat(crossed.get("lifecycleStage").asText()).as("MQL comes after PQL").isEqualTo("MQL");
        assertThat(moves(contactId)).containsExactly("LEAD #1: event content_downloaded",
                "PQL #1: event pricing_page_view", "MQL #1: Score 68 (fit 35) reached the MQL threshold");
        assertThat(instances("lead-handoff", contactId)).isEqualTo(1);
        event("pricing_page_view", email, null);
        assertThat(contact(contactId).get("lifecycleStage").asText()).as("events only move forward")
                .isEqualTo("MQL");
        assertThat(instances("lead-handoff", contactId)).isEqualTo(1);

        JsonNode funnel = api.get("/api/reports/funnel", "marketer").json().get("stages");
        assertThat(funnel).extracting(row -> row.get("stage").asText()).containsExactlyElementsOf(STAGES);
        JsonNode pql = funnel.get(STAGES.indexOf("PQL"));
        assertThat(pql.get("entries").asLong()).isEqualTo(pqlEntriesBefore + 1);
        assertThat(pql.get("converted").asLong()).as("the PQL entry went on to MQL").isPositive();
        JsonNode velocity = api.get("/api/reports/velocity", "marketer").json().get("overall");
        assertThat(velocity).extracting(step -> step.get("fromStage").asText() + ">" + step.get("toStage").asText())
                .containsExactly("VISITOR>LEAD", "LEAD>PQL", "PQL>MQL", "MQL>SAL", "SAL>SQL", "SQL>OPPORTUNITY",
                        "OPPORTUNITY>CUSTOMER", "CUSTOMER>PROMOTER");
    }

    @Test
    void reportsAcceptTheTeamsStagesAndNameThemWhenOneIsUnknown() {
        String email = unique("searched");
        event("form_submitted", email, null);
        event("pricing_page_view", email, null);

        JsonNode found = api.get("/api/reports/contacts?q=" + email + "&stage=pql", "marketer").json();
        assertThat(found.get("stage").asText()).isEqualTo("PQL");
        assertThat(found.get("contacts")).hasSize(1);

        Response unknown = api.get("/api/reports/contacts?stage=EVANGELIST", "marketer");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("Unknown stage 'EVANGELIST'; the configured"
                + " stages (nurture.lifecycle.stages) are [" + String.join(", ", STAGES) + "]");
    }

    @Test
    void aRenamedRoleIsWhereThePromoterOfTheNpsDiagramGoes() {
        String email = unique("promoter");
        String contactId = event("purchase", email, "{\"firstName\": \"Pia\"}").get("contactId").asText();
        assertThat(instances("customer-advocacy", contactId)).isEqualTo(1);

        event("nps_submitted", email, "{\"score\": 10}");

        await().atMost(PATIENCE).until(() -> contact(contactId).get("lifecycleStage").asText().equals("PROMOTER"));
        List<String> moves = moves(contactId);
        assertThat(moves.get(moves.size() - 1)).isEqualTo("PROMOTER #1: Promoter: NPS 9 or 10");
    }

    private JsonNode event(String type, String email, String properties) {
        Response response = api.post("/api/events", """
                {"type": "%s", "email": "%s", "properties": %s}""".formatted(type, email,
                properties == null ? "{}" : properties), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    private JsonNode contact(String contactId) {
        Response response = api.get("/api/contacts/" + contactId, "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<String> moves(String contactId) {
        List<String> moves = new ArrayList<>();
        contact(contactId).get("stageHistory").forEach(row -> moves.add(row.get("to").asText() + " #"
                + row.get("entry").asInt() + ": " + row.get("reason").asText()));
        return moves;
    }

    private JsonNode funnelRow(String stage) {
        return api.get("/api/reports/funnel", "marketer").json().get("stages").get(STAGES.indexOf(stage));
    }

    private long instances(String processKey, String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(contactId).count();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
