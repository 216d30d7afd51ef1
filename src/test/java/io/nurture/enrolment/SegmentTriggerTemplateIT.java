package io.nurture.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;
import io.nurture.process.deployment.ModelerDeploy;

/**
 * The "Segment entered / left" element template end to end: a diagram as Modeler saves it after the template was
 * applied, deployed by a marketer as Modeler deploys, is stored with the segment's messages; a contact entering the
 * live segment starts it once, leaving it moves the instance on (a boundary event, a catch event). A trigger naming
 * no possible segment is a 400 naming the element, from Modeler's deploy and from the simulator alike.
 */
@JobsOffAppTest
class SegmentTriggerTemplateIT {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    NurtureClient api;
    String company;
    CompanyAudience audience;
    String segmentName;
    String key;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        company = "Trigger " + unique;
        audience = new CompanyAudience(api, company);
        segmentName = "High-fit DE " + unique;
        key = "segment-drip-" + unique;
    }

    @Test
    void aDiagramFromModelerStartsOnceWhenAContactEntersTheSegmentAndEndsWhenItLeaves() {
        String segment = audience.germans(segmentName);
        String sent = diagram("segment-trigger.bpmn", "segment-drip");

        JsonNode deployment = deployed(sent);

        // what is stored, parsed and downloaded is explicit BPMN, not the marketer's file
        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.get("id")
                .asText()).singleResult();
        String stored = stored(definition);
        assertThat(stored).isNotEqualTo(sent).contains("camunda:modelerTemplate=\"io.nurture.segmentTrigger\"");
        assertThat(repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(Message.class))
                .extracting(Message::getName)
                .containsExactlyInAnyOrder("segment-entered:" + segmentName, "segment-left:" + segmentName);
        assertThat(runtime.createEventSubscriptionQuery().eventType("message")
                .eventName("segment-entered:" + segmentName).count()).as("the engine parsed the stored diagram")
                .isEqualTo(1);
        assertThat(downloaded(deployment, key + ".bpmn")).isEqualTo(stored);

        // Modeler's duplicate filtering still sees the unchanged file as unchanged
        Response again = api.send(ModelerDeploy.request(api.baseUrl(), "marketer", key, files(sent),
                ModelerDeploy.Shape.CURRENT));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);

        String contact = audience.lead("DE");
        assertThat(audience.isMember(segment, contact)).isTrue();
        assertThat(instances(contact)).as("started on entry").isEqualTo(1);
        assertThat(waitingAt(contact, "Task_WaitForCall")).isEqualTo(1);

        event(contact, "DE");
        assertThat(instances(contact)).as("not started again while it stays in the segment").isEqualTo(1);

        event(contact, "FR");
        assertThat(audience.isMember(segment, contact)).isFalse();
        assertThat(instances(contact)).as("the boundary event ended it").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processDefinitionId(definition.getId())
                .activityId("End_Left").count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processDefinitionId(definition.getId())
                .activityId("End_Called").count()).isZero();
    }

    @Test
    void aCatchEventLeavingTheSegmentMovesTheInstanceAndAMessageTheMarketerTypedIsReplaced() {
        key = key.replace("segment-drip-", "segment-catch-");
        String segment = audience.germans(segmentName);
        JsonNode deployment = deployed(diagram("segment-trigger-catch.bpmn", "segment-catch"));
        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.get("id")
                .asText()).singleResult();
        assertThat(repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(Message.class))
                .extracting(Message::getName).contains("segment-entered:High-fit", "segment-left:" + segmentName);

        String contact = audience.lead("DE");
        assertThat(audience.isMember(segment, contact)).isTrue();
        assertThat(waitingAt(contact, "Catch_LeftSegment")).isEqualTo(1);

        event(contact, "FR");
        assertThat(instances(contact)).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processDefinitionId(definition.getId())
                .activityId("End_Left").count()).isEqualTo(1);
    }

    @Test
    void aTriggerWithAnEmptyOrOverLongSegmentNameIsRefusedNamingTheElementAndNothingIsDeployed() {
        String template = diagram("segment-trigger.bpmn", "segment-drip");
        for (String name : new String[] { "", "   ", "x".repeat(201) }) {
            String refused = template.replaceFirst("value=\"" + segmentName + "\"", "value=\"" + name + "\"");

            Response response = api.send(ModelerDeploy.request(api.baseUrl(), "marketer", key, files(refused),
                    ModelerDeploy.Shape.CURRENT));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            JsonNode body = response.json();
            assertThat(body.get("type").asText()).isEqualTo("ParseException");
            assertThat(body.get("message").asText()).contains("Start_EnteredSegment",
                    "a segment trigger names a segment: ", "nurture.segment");
            assertThat(body.get("details").get(key + ".bpmn").get("errors").get(0).get("mainElementId").asText())
                    .isEqualTo("Start_EnteredSegment");
            assertThat(repository.createDeploymentQuery().deploymentName(key).count()).isZero();
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
        }
        // a diagram with triggers that is no valid BPMN is the engine's kind of refusal too, not a 500
        Response invalid = api.send(ModelerDeploy.request(api.baseUrl(), "marketer", key, files(template.replace(
                "<bpmn:endEvent id=\"End_Called\"", "<bpmn:bogusEvent id=\"Bogus\"/><bpmn:endEvent id=\"End_Called\"")),
                ModelerDeploy.Shape.CURRENT));
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.json().get("message").asText()).contains(key + ".bpmn", "no valid BPMN");
        assertThat(repository.createDeploymentQuery().deploymentName(key).count()).isZero();

        // the limit is a segment's: no segment can have the over-long name
        Response segment = api.post("/api/segments", "{\"name\": \"" + "x".repeat(201) + "\", \"rule\": "
                + "{\"all\": [{\"field\": \"country\", \"op\": \"eq\", \"value\": \"DE\"}]}}", "marketer");
        assertThat(segment.status()).as(segment.body()).isEqualTo(400);
    }

    @Test
    void aDiagramWithoutTheTemplateIsStoredByteForByte() {
        String sent = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://nurture.io/bpmn">
                  <message id="Message_Entered"   name="segment-entered:%2$s"/>
                  <process id="%1$s" name="Typed by hand" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <startEvent id="Start_Entered"><messageEventDefinition messageRef="Message_Entered"/></startEvent>
                    <sequenceFlow id="Flow_1" sourceRef="Start_Entered" targetRef="End"/>
                    <endEvent id="End"/>
                  </process>
                </definitions>
                """.formatted(key, segmentName);

        JsonNode deployment = deployed(sent);

        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.get("id")
                .asText()).singleResult();
        assertThat(stored(definition)).isEqualTo(sent);
    }

    @Test
    void theSimulatorGivesAnUploadedDiagramTheSameMessagesAndRefusesTheSameTriggers() throws IOException {
        String template = diagram("segment-trigger.bpmn", "segment-drip");
        ObjectMapper json = new ObjectMapper();

        Response simulated = api.post("/api/simulations", json.writeValueAsString(Map.of("bpmn", template, "days", 7)),
                "marketer");
        assertThat(simulated.status()).as(simulated.body()).isEqualTo(200);
        assertThat(simulated.json().get("source").asText()).isEqualTo("uploaded");
        // the isolated engine's boundary event waits for the message Nurture gave it
        assertThat(simulated.json().get("timelines").get(0).get("entries")).anySatisfy(entry -> {
            assertThat(entry.get("kind").asText()).isEqualTo("listen");
            assertThat(entry.get("step").asText()).isEqualTo("Boundary_LeftSegment");
            assertThat(entry.get("detail").asText()).isEqualTo("waits for segment-left:" + segmentName);
        });

        Response refused = api.post("/api/simulations", json.writeValueAsString(Map.of("bpmn",
                template.replace("value=\"entered\"", "value=\"joined\""))), "marketer");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("Start_EnteredSegment", "'entered' or 'left'");
    }

    private JsonNode deployed(String diagram) {
        Response response = api.send(ModelerDeploy.request(api.baseUrl(), "marketer", key, files(diagram),
                ModelerDeploy.Shape.CURRENT));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Map<String, byte[]> files(String diagram) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", diagram.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** A test diagram as Modeler saved it, with this test's process key and segment name. */
    private String diagram(String file, String processKey) {
        try (InputStream in = getClass().getResourceAsStream("/process/deployment/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"" + processKey + "\"",
                    "\"" + key + "\"").replace("High-fit DE", segmentName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String stored(ProcessDefinition definition) {
        try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(),
                definition.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file Cockpit's download gives. */
    private String downloaded(JsonNode deployment, String resourceName) {
        String path = "/engine-rest/deployment/" + deployment.get("id").asText() + "/resources";
        JsonNode resources = api.get(path, "demo").json();
        for (JsonNode resource : resources) {
            if (resource.get("name").asText().equals(resourceName)) {
                Response data = api.get(path + "/" + resource.get("id").asText() + "/data", "demo");
                assertThat(data.status()).isEqualTo(200);
                return data.body();
            }
        }
        throw new AssertionError("no resource " + resourceName + " in " + resources);
    }

    private void event(String contactId, String country) {
        Response response = api.post("/api/events", """
                {"type": "page_view", "contactId": "%s", "properties": {"country": "%s"}}""".formatted(contactId,
                country), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private long instances(String contact) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(contact)
                .count();
    }

    private long waitingAt(String contact, String activityId) {
        return runtime.createExecutionQuery().processDefinitionKey(key).processInstanceBusinessKey(contact)
                .activityId(activityId).count();
    }
}
