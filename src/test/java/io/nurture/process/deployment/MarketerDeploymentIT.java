package io.nurture.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Deploying as Camunda Modeler does, over real HTTP to the real engine: the marketer deploys with their own account,
 * every malicious file is refused with a 400 that names the element and the rule, and nothing of it is stored; the
 * other teams may not deploy at all.
 */
@JobsOffAppTest
class MarketerDeploymentIT {

    @LocalServerPort
    int port;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @ParameterizedTest
    @EnumSource(MaliciousDiagram.class)
    void aMaliciousFileFromModelerIsRefusedNamingItsElementAndNothingIsDeployed(MaliciousDiagram diagram) {
        String name = "evil-" + diagram.name().toLowerCase(Locale.ROOT);

        Response response = deploy("marketer", name, ModelerDeploy.files(diagram.files.toArray(String[]::new)),
                ModelerDeploy.Shape.CURRENT);

        assertRefused(response, diagram);
        assertNothingDeployed(name, diagram);
    }

    @Test
    void modelerBefore47WithDeployChangedOnlyIsCheckedToo() {
        Response response = deploy("marketer", "evil-changed-only", ModelerDeploy.files("java-class.bpmn"),
                ModelerDeploy.Shape.BEFORE_4_7);

        assertRefused(response, MaliciousDiagram.JAVA_CLASS);
        assertNothingDeployed("evil-changed-only", MaliciousDiagram.JAVA_CLASS);
    }

    @Test
    void theCheckHoldsForAdminsToo() {
        Response response = deploy("demo", "evil-by-admin", ModelerDeploy.files("get-class-condition.bpmn"),
                ModelerDeploy.Shape.CURRENT);

        assertRefused(response, MaliciousDiagram.GET_CLASS_CONDITION);
        assertNothingDeployed("evil-by-admin", MaliciousDiagram.GET_CLASS_CONDITION);
    }

    @Test
    void aMarketerDeploysAnEditedShippedDiagramWithItsFormsFromModeler() throws IOException {
        // Modeler's connection check and version lookup before the deploy
        assertThat(api.get("/engine-rest/version", "marketer").status()).isEqualTo(200);
        assertThat(api.get("/engine-rest/deployment?maxResults=0", "marketer").status()).isEqualTo(200);
        String edited = Files.readString(Path.of("processes/lead-handoff.bpmn"))
                .replace("name=\"Lead hand-off\"", "name=\"Lead hand-off (edited by marketing)\"");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("lead-handoff.bpmn", edited.getBytes(StandardCharsets.UTF_8));
        files.put("qualify-lead.form", Files.readAllBytes(Path.of("processes/forms/qualify-lead.form")));
        files.put("accept-handoff.form", Files.readAllBytes(Path.of("processes/forms/accept-handoff.form")));

        Response deployed = deploy("marketer", "lead-handoff", files, ModelerDeploy.Shape.CURRENT);

        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        JsonNode definition = deployed.json().get("deployedProcessDefinitions").elements().next();
        assertThat(definition.get("key").asText()).isEqualTo("lead-handoff");
        assertThat(definition.get("version").asInt()).isEqualTo(2);
        JsonNode latest = api.get("/engine-rest/process-definition/key/lead-handoff", "demo").json();
        assertThat(latest.get("name").asText()).isEqualTo("Lead hand-off (edited by marketing)");
        assertThat(latest.get("deploymentId").asText()).isEqualTo(deployed.json().get("id").asText());
        JsonNode deployment = api.get("/engine-rest/deployment/" + deployed.json().get("id").asText(), "demo").json();
        assertThat(deployment.get("source").asText()).isEqualTo("Camunda Modeler");
        assertThat(api.get("/engine-rest/deployment/" + deployed.json().get("id").asText() + "/resources", "demo")
                .json().findValuesAsText("name")).containsExactlyInAnyOrder("lead-handoff.bpmn", "qualify-lead.form",
                        "accept-handoff.form");

        // what a marketer deployed they may read but not delete: a cascading delete would end the contacts' campaigns
        String deploymentPath = "/engine-rest/deployment/" + deployed.json().get("id").asText();
        assertThat(api.get(deploymentPath, "marketer").status()).isEqualTo(200);
        assertThat(api.delete(deploymentPath + "?cascade=true", "marketer").status()).isEqualTo(403);
        assertThat(api.get(deploymentPath, "demo").status()).isEqualTo(200);

        // deploying the unchanged files again is a no-op thanks to Modeler's duplicate filtering
        Response again = deploy("marketer", "lead-handoff", files, ModelerDeploy.Shape.CURRENT);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(api.get("/engine-rest/process-definition/key/lead-handoff", "demo").json().get("version").asInt())
                .isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "sdr", "sales", "sdrlead", "success" })
    void noOtherTeamMayDeploy(String user) {
        String name = "clean-by-" + user;

        Response response = deploy(user, name, ModelerDeploy.files("carrier.bpmn"), ModelerDeploy.Shape.CURRENT);

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(count("/engine-rest/deployment/count?name=" + name)).isZero();
    }

    private Response deploy(String user, String deploymentName, Map<String, byte[]> files, ModelerDeploy.Shape shape) {
        return api.send(ModelerDeploy.request(api.baseUrl(), user, deploymentName, files, shape));
    }

    /** The engine's ParseException shape: the message Modeler logs, and per resource the errors with element ids. */
    private static void assertRefused(Response response, MaliciousDiagram diagram) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("type").asText()).isEqualTo("ParseException");
        assertThat(body.get("message").asText()).contains(diagram.named).contains(diagram.rule + ": ")
                .contains(diagram.reason);
        List<String> named = new ArrayList<>();
        body.get("details").fields().forEachRemaining(resource -> resource.getValue().get("errors").forEach(error -> {
            named.add(error.get("mainElementId").isNull() ? resource.getKey() : error.get("mainElementId").asText());
            assertThat(error.get("message").asText()).isNotBlank();
        }));
        assertThat(named).contains(diagram.named);
    }

    private void assertNothingDeployed(String deploymentName, MaliciousDiagram diagram) {
        assertThat(count("/engine-rest/deployment/count?name=" + deploymentName)).isZero();
        String definitions = diagram.isDecision() ? "decision-definition" : "process-definition";
        assertThat(count("/engine-rest/" + definitions + "/count?key=" + diagram.definitionKey())).isZero();
    }

    private long count(String path) {
        Response response = api.get(path, "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("count").asLong();
    }
}
