package io.nurture.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.AbstractMailingIT;
import io.nurture.Mailbox;
import io.nurture.NurtureClient.Response;

/**
 * A marketer deploys a new version of the welcome series while leads wait in it: the dry run shows who can move, the
 * batch moves them over HTTP with the job executor running, a wait keeps its due date, nothing is sent twice, and the
 * next step comes from the new version. An instance waiting in a step the new version no longer has stays put.
 */
class CampaignMigrationIT extends AbstractMailingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String REVISED_SUBJECT = "Three ways to get started, revised";

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcClient jdbc;

    private boolean deployedNewVersion;

    /** The next suites in this context start the shipped welcome series again: deploy it back as the latest. */
    @AfterEach
    void restoreShippedWelcome() throws IOException {
        if (deployedNewVersion) {
            repository.createDeployment().name("welcome restored").addString("welcome.bpmn", shippedWelcome())
                    .deploy();
        }
    }

    @Test
    void waitingLeadsMoveToTheNewVersionKeepingTheirDueDateAndGetItsNextMailOnce() throws IOException {
        String movingEmail = unique("moving");
        ProcessInstance moving = welcomeWaitingAfterTheFirstMail(movingEmail);
        Date due = timer(moving).getDuedate();
        String stuckEmail = unique("stuck");
        ProcessInstance stuck = welcomeWaitingAfterTheFirstMail(stuckEmail);
        // as an operator would in Cockpit: this one now waits in the day's pause the new version renames
        runtime.createProcessInstanceModification(stuck.getId()).startBeforeActivity("Timer_Wait1Day")
                .cancelAllForActivity("Timer_Wait2Days").execute(true, true);
        int oldVersion = version(moving.getProcessDefinitionId());

        int newVersion = deployRevisedWelcome();

        Response dryRun = api.get("/api/campaigns/welcome/migration", "marketer");
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("toVersion").asInt()).isEqualTo(newVersion);
        JsonNode old = sourceVersion(dryRun.json(), oldVersion);
        assertThat(old.get("instances").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(old.get("movable").asLong()).isBetween(1L, old.get("instances").asLong() - 1);
        assertThat(old.get("mappings").toString())
                .contains("{\"sourceActivityId\":\"Timer_Wait2Days\",\"targetActivityId\":\"Timer_Wait2Days\"}")
                .doesNotContain("\"sourceActivityId\":\"Timer_Wait1Day\"");
        JsonNode removed = unmapped(old, "Timer_Wait1Day");
        assertThat(removed.get("waiting").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("name").asText()).isEqualTo("Wait 1 day");
        assertThat(unmapped(old, "Timer_Wait2Days")).isNull();
        assertThat(unmapped(old, "Gateway_HighFit")).as("kept in the new version, and nobody waits there").isNull();
        assertThat(old.get("invalidMappings")).isEmpty();

        Response started = api.post("/api/campaigns/welcome/migration",
                "{\"fromVersion\": %d}".formatted(oldVersion), "marketer");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String batchId = started.json().get("batchId").asText();
        assertThat(started.json().get("instances").asLong()).isEqualTo(old.get("movable").asLong());
        JsonNode progress = await().atMost(PATIENCE).until(
                () -> api.get("/api/campaigns/migrations/" + batchId, "marketer").json(),
                json -> json.get("finished").asBoolean());
        assertThat(progress.get("completed").asLong()).isEqualTo(progress.get("total").asLong())
                .isEqualTo(old.get("movable").asLong());
        assertThat(progress.get("failed").asLong()).isZero();

        assertThat(version(definitionOf(moving))).isEqualTo(newVersion);
        assertThat(version(definitionOf(stuck))).as("waits in a step without counterpart").isEqualTo(oldVersion);
        assertThat(timer(moving).getDuedate()).as("the wait keeps its due date").isEqualTo(due);
        assertThat(timer(moving).getProcessDefinitionId()).isEqualTo(definitionOf(moving));
        assertThat(Mailbox.to(smtp.getReceivedMessages(), movingEmail)).as("nothing sent again").hasSize(1);
        assertThat(deliveries(moving)).isEqualTo(1);

        // the wait ends: the SMS step, the renamed pause, then the new version's tips mail, once
        management.executeJob(timer(moving).getId());
        await().atMost(PATIENCE).until(() -> isAt(moving, "Timer_WaitOneDay"));
        management.executeJob(timer(moving).getId());
        await().atMost(PATIENCE).until(() -> mails(movingEmail, REVISED_SUBJECT) == 1);
        assertThat(mails(movingEmail, "Three ways to get started")).isZero();
        assertThat(mails(movingEmail, "Welcome to Nurture")).isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedWithProblemsNamingTheField() {
        Response unknownCampaign = api.get("/api/campaigns/no-such-campaign/migration", "marketer");
        Response unknownVersion = api.get("/api/campaigns/welcome/migration?to=9999", "marketer");
        Response noFrom = api.post("/api/campaigns/welcome/migration", "{}", "marketer");
        Response backwards = api.post("/api/campaigns/welcome/migration", "{\"fromVersion\": 1, \"toVersion\": 1}",
                "marketer");
        Response unknownFrom = api.post("/api/campaigns/welcome/migration", "{\"fromVersion\": 9999}", "marketer");
        Response unknownBatch = api.get("/api/campaigns/migrations/" + UUID.randomUUID(), "marketer");

        assertThat(unknownCampaign.status()).isEqualTo(404);
        assertThat(unknownCampaign.json().get("detail").asText()).contains("no-such-campaign");
        assertThat(unknownVersion.status()).isEqualTo(404);
        assertThat(unknownVersion.json().get("detail").asText()).startsWith("to:").contains("no version 9999");
        assertThat(noFrom.status()).isEqualTo(400);
        assertThat(noFrom.json().get("detail").asText()).contains("fromVersion");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("detail").asText()).contains("fromVersion 1 must be older than toVersion 1");
        assertThat(unknownFrom.status()).isEqualTo(404);
        assertThat(unknownFrom.json().get("detail").asText()).startsWith("fromVersion:");
        assertThat(unknownBatch.status()).isEqualTo(404);
        assertThat(unknownBatch.contentType()).startsWith("application/problem+json");
    }

    @Test
    void maliciousBodiesAreRefusedWithProblemsAndStartNothing() {
        long batchesBefore = management.createBatchQuery().count();
        List<String> bodies = List.of("{\"fromVersion\": \"1; DROP TABLE contact\"}",
                "{\"fromVersion\": 1.5e300}", "{\"fromVersion\": [1]}", "{\"fromVersion\": 1, \"admin\": true}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"fromVersion\": 1, \"x\": \"" + "a".repeat(70_000) + "\"}",
                "not json", "");
        for (String body : bodies) {
            Response response = api.post("/api/campaigns/welcome/migration", body, "marketer");

            assertThat(response.status()).as(body.substring(0, Math.min(60, body.length()))).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        Response typedQuery = api.get("/api/campaigns/welcome/migration?to=abc", "marketer");
        assertThat(typedQuery.status()).isEqualTo(400);
        assertThat(typedQuery.contentType()).startsWith("application/problem+json");
        assertThat(management.createBatchQuery().count()).as("no migration started").isEqualTo(batchesBefore);
    }

    // --- helpers

    private ProcessInstance welcomeWaitingAfterTheFirstMail(String email) {
        Response lead = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "properties": {"firstName": "Mo"}}""".formatted(email),
                "demo");
        assertThat(lead.status()).as(lead.body()).isEqualTo(202);
        String contactId = lead.json().get("contactId").asText();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(contactId).singleResult();
        await().atMost(PATIENCE).until(() -> isAt(instance, "Timer_Wait2Days"));
        assertThat(mails(email, "Welcome to Nurture")).isEqualTo(1);
        return instance;
    }

    /**
     * The shipped diagram with the tips mail's name and subject revised, and the one-day pause under a new id (to
     * Camunda a step removed and another added).
     */
    private int deployRevisedWelcome() throws IOException {
        String revised = shippedWelcome()
                .replace("name=\"Send getting-started tips\"", "name=\"Send getting-started tips (revised)\"")
                .replace(">Three ways to get started<", ">" + REVISED_SUBJECT + "<")
                .replace("\"Timer_Wait1Day\"", "\"Timer_WaitOneDay\"");
        assertThat(revised).contains(REVISED_SUBJECT, "\"Timer_WaitOneDay\"").doesNotContain("\"Timer_Wait1Day\"");
        String deployment = repository.createDeployment().name("welcome revised").addString("welcome.bpmn", revised)
                .deploy().getId();
        deployedNewVersion = true;
        return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getVersion();
    }

    private static String shippedWelcome() throws IOException {
        try (InputStream in = CampaignMigrationIT.class.getResourceAsStream("/processes/welcome.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode sourceVersion(JsonNode dryRun, int version) {
        for (JsonNode source : dryRun.get("versions")) {
            if (source.get("version").asInt() == version) {
                return source;
            }
        }
        throw new AssertionError("version " + version + " not in the dry run: " + dryRun);
    }

    private static JsonNode unmapped(JsonNode source, String activityId) {
        for (JsonNode node : source.get("unmapped")) {
            if (node.get("activityId").asText().equals(activityId)) {
                return node;
            }
        }
        return null;
    }

    private Job timer(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private String definitionOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId();
    }

    private int version(String definitionId) {
        return repository.getProcessDefinition(definitionId).getVersion();
    }

    private boolean isAt(ProcessInstance instance, String activityId) {
        return runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(activityId).count() > 0
                && management.createJobQuery().processInstanceId(instance.getId()).messages().count() == 0;
    }

    private long deliveries(ProcessInstance instance) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE contact_id = ?").param(instance.getBusinessKey())
                .query(Long.class).single();
    }

    private static long mails(String email, String subject) {
        return Mailbox.withSubject(smtp.getReceivedMessages(), email, subject);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
