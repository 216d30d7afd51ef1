package io.nurture.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
 * Campaigns from audiences over HTTP: a list's and a segment's members enrolled in a campaign, each started once
 * (and not again when enrolled twice), a diagram started by a contact entering a segment and moved on when it
 * leaves (but not when the segment is deleted, whose enrolments stay). Refused requests store nothing.
 */
@JobsOffAppTest
class AudienceEnrolmentIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;
    String company;
    CompanyAudience audience;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
        company = "Enrol " + UUID.randomUUID();
        audience = new CompanyAudience(api, company);
    }

    @Test
    void aListsMembersAreEachStartedOnceAndNotAgainWhenEnrolledTwice() {
        List<String> contacts = List.of(audience.lead("DE"), audience.lead("DE"), audience.lead("FR"), audience.lead("US"));
        String list = api.post("/api/lists", "{\"name\": \"" + company + "\"}", "marketer").json().get("id").asText();
        Response added = api.post("/api/lists/" + list + "/members", "{\"contactIds\": [\""
                + String.join("\", \"", contacts) + "\"]}", "marketer");
        assertThat(added.status()).as(added.body()).isEqualTo(200);

        JsonNode first = finished(enrol("drip", "{\"list\": \"" + list + "\"}"));
        assertThat(first.get("total").asInt()).isEqualTo(4);
        assertThat(first.get("started").asInt()).isEqualTo(4);
        assertThat(first.get("audienceName").asText()).isEqualTo(company);
        contacts.forEach(contact -> assertThat(instances("drip", contact)).as(contact).isEqualTo(1));

        JsonNode second = finished(enrol("drip", "{\"list\": \"" + list + "\", \"perMinute\": 60}"));
        assertThat(second.get("started").asInt()).isZero();
        assertThat(second.get("alreadyIn").asInt()).isEqualTo(4);
        contacts.forEach(contact -> assertThat(instances("drip", contact)).as(contact).isEqualTo(1));
        assertThat(api.get("/api/campaigns/drip/enrolments", "marketer").json().findValuesAsText("id"))
                .contains(first.get("id").asText(), second.get("id").asText());
    }

    @Test
    void aSegmentsMembersAreEnrolledAsTheyAreWhenAskedFor() {
        String german = audience.lead("DE");
        String alsoGerman = audience.lead("DE");
        audience.lead("FR");
        String segment = audience.germans("Germans " + company);

        JsonNode enrolment = finished(enrol("re-engagement", "{\"segment\": \"" + segment + "\"}"));

        assertThat(enrolment.get("audienceType").asText()).isEqualTo("segment");
        assertThat(enrolment.get("total").asInt()).isEqualTo(2);
        assertThat(enrolment.get("started").asInt()).isEqualTo(2);
        assertThat(instances("re-engagement", german)).isEqualTo(1);
        assertThat(instances("re-engagement", alsoGerman)).isEqualTo(1);
    }

    @Test
    void enteringASegmentStartsTheCampaignThatListensForItAndLeavingItMovesThatOn() {
        String name = "Germans " + company;
        String segment = audience.germans(name);
        String key = "on-segment-" + UUID.randomUUID().toString().substring(0, 8);
        repository.createDeployment().name(key).addString(key + ".bpmn", onSegment(key, name)).deploy();

        String contact = audience.lead("DE");

        assertThat(audience.isMember(segment, contact)).isTrue();
        assertThat(instances(key, contact)).as("started on entry").isEqualTo(1);
        assertThat(runtime.createExecutionQuery().processDefinitionKey(key).processInstanceBusinessKey(contact)
                .activityId("Catch_Left").count()).isEqualTo(1);

        event("page_view", contact, "\"country\": \"FR\"");

        assertThat(audience.isMember(segment, contact)).isFalse();
        assertThat(instances(key, contact)).as("moved on to its end on leaving").isZero();
        // a diagram listening for the segment cannot be enrolled into: it starts by its own trigger
        Response refused = api.post("/api/campaigns/" + key + "/enrolments", "{\"segment\": \"" + segment + "\"}",
                "marketer");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("no plain start event");
    }

    @Test
    void deletingASegmentMovesNoDiagramWaitingForItsMembersToLeaveAndKeepsItsEnrolment() {
        String name = "Deleted Germans " + company;
        String segment = audience.germans(name);
        String key = "on-deleted-" + UUID.randomUUID().toString().substring(0, 8);
        repository.createDeployment().name(key).addString(key + ".bpmn", onSegment(key, name)).deploy();
        String contact = audience.lead("DE");
        assertThat(instances(key, contact)).as("started on entry").isEqualTo(1);
        JsonNode enrolment = finished(enrol("drip", "{\"segment\": \"" + segment + "\"}"));

        Response deleted = api.delete("/api/segments/" + segment, "marketer");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(runtime.createExecutionQuery().processDefinitionKey(key).processInstanceBusinessKey(contact)
                .activityId("Catch_Left").count()).as("the contact did not leave: the segment went").isEqualTo(1);
        JsonNode kept = api.get("/api/campaigns/enrolments/" + enrolment.get("id").asText(), "marketer").json();
        assertThat(kept.get("audienceName").asText()).isEqualTo(name);
        assertThat(kept.get("total").asInt()).isEqualTo(1);
        assertThat(kept.get("started").asInt()).isEqualTo(1);
        assertThat(instances("drip", contact)).isEqualTo(1);
        event("page_view", contact, "\"country\": \"FR\"");
        assertThat(instances(key, contact)).as("nothing left the segment later either").isEqualTo(1);
    }

    /** The README's story: import a CSV, see the segment count it makes, start a campaign for its members. */
    @Test
    void importedContactsEnterTheirSegmentAtOnceAndAreEnrolledFromIt() {
        String segment = audience.germans("Imported " + company);
        String csv = "email,company,country\r\n" + "imported-a-" + UUID.randomUUID() + "@example.com," + company
                + ",DE\r\n" + "imported-b-" + UUID.randomUUID() + "@example.com," + company + ",DE\r\n"
                + "imported-c-" + UUID.randomUUID() + "@example.com," + company + ",FR\r\n";
        Response started = importCsv(csv,
                "{\"email\": \"email\", \"company\": \"company\", \"country\": \"country\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String importId = started.json().get("id").asText();
        await().atMost(PATIENCE).until(() -> api.get("/api/imports/" + importId, "marketer").json().get("status")
                .asText().equals("DONE"));
        assertThat(api.get("/api/imports/" + importId, "marketer").json().get("created").asInt()).isEqualTo(3);

        assertThat(api.get("/api/segments/" + segment + "/members", "marketer").json().get("total").asInt())
                .as("the imported Germans are members, with no rebuild").isEqualTo(2);
        JsonNode enrolment = finished(enrol("drip", "{\"segment\": \"" + segment + "\"}"));
        assertThat(enrolment.get("started").asInt()).isEqualTo(2);
    }

    @Test
    void badRequestsAreProblemsNamingTheFieldAndStoreNothing() {
        String list = api.post("/api/lists", "{\"name\": \"" + company + "\"}", "marketer").json().get("id").asText();
        long before = enrolments();
        refused("drip", "{}", 400, "segment, list");
        refused("drip", "{\"list\": \"" + list + "\", \"segment\": \"x\"}", 400, "segment, list");
        refused("drip", "{\"list\": \"" + list + "\", \"perMinute\": 0}", 400, "perMinute");
        refused("drip", "{\"list\": \"" + list + "\", \"perMinute\": \"fast\"}", 400, "perMinute");
        refused("drip", "{\"list\": \"" + list + "\", \"everyone\": true}", 400, "everyone");
        refused("drip", "{\"list\": \"" + "x".repeat(37) + "\"}", 400, "list");
        refused("drip", "{\"list\": \"" + UUID.randomUUID() + "\"}", 404, null);
        refused("drip", "{\"segment\": \"" + UUID.randomUUID() + "\"}", 404, null);
        refused("no-such-campaign", "{\"list\": \"" + list + "\"}", 404, "no-such-campaign");
        refused("drip", "[" + "[".repeat(40) + "]".repeat(40) + "]", 400, null);
        refused("drip", "not json", 400, null);
        assertThat(api.get("/api/campaigns/enrolments/" + UUID.randomUUID(), "marketer").status()).isEqualTo(404);
        assertThat(enrolments()).isEqualTo(before);
    }

    private void refused(String campaign, String body, int status, String field) {
        Response response = api.post("/api/campaigns/" + campaign + "/enrolments", body, "marketer");
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("detail").asText()).contains(field);
        }
    }

    private JsonNode enrol(String campaign, String body) {
        Response response = api.post("/api/campaigns/" + campaign + "/enrolments", body, "marketer");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    private JsonNode finished(JsonNode enrolment) {
        String id = enrolment.get("id").asText();
        await().atMost(PATIENCE).until(() -> api.get("/api/campaigns/enrolments/" + id, "marketer").json()
                .get("state").asText().equals("FINISHED"));
        JsonNode done = api.get("/api/campaigns/enrolments/" + id, "marketer").json();
        assertThat(done.get("pending").asInt()).isZero();
        return done;
    }

    private void event(String type, String contactId, String properties) {
        Response response = api.post("/api/events", """
                {"type": "%s", "contactId": "%s", "properties": {%s}}""".formatted(type, contactId, properties),
                "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private Response importCsv(String csv, String mapping) {
        String boundary = "----nurture" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + mapping
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/imports"))
                .header("Authorization", NurtureClient.basic("marketer", "marketer"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private long instances(String key, String contact) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(contact)
                .count();
    }

    private long enrolments() {
        return jdbc.sql("SELECT COUNT(*) FROM audience_enrolment").query(Long.class).single();
    }

    private static String onSegment(String key, String segmentName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://nurture.io/bpmn">
                  <message id="Message_Entered" name="segment-entered:%2$s"/>
                  <message id="Message_Left" name="segment-left:%2$s"/>
                  <process id="%1$s" name="On segment" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <startEvent id="Start_Entered" name="Entered the segment">
                      <messageEventDefinition messageRef="Message_Entered"/>
                    </startEvent>
                    <sequenceFlow id="Flow_1" sourceRef="Start_Entered" targetRef="Catch_Left"/>
                    <intermediateCatchEvent id="Catch_Left" name="Left the segment">
                      <messageEventDefinition messageRef="Message_Left"/>
                    </intermediateCatchEvent>
                    <sequenceFlow id="Flow_2" sourceRef="Catch_Left" targetRef="End_Left"/>
                    <endEvent id="End_Left" name="Left"/>
                  </process>
                </definitions>""".formatted(key, segmentName);
    }
}
