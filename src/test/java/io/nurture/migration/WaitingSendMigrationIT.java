package io.nurture.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
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
 * A send waiting in its job when the instance moves: with the job executor off, the test runs the batch's jobs
 * itself, so the send job is caught before it ran. It is the same job afterwards, on the new version, and running
 * it sends one mail, as the new version words it.
 */
@JobsOffAppTest
class WaitingSendMigrationIT {

    private static final String NEW_SUBJECT = "Welcome aboard";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;
    boolean deployedNewVersion;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @AfterEach
    void restoreShippedWelcome() throws IOException {
        if (deployedNewVersion) {
            repository.createDeployment().name("welcome restored").addString("welcome.bpmn", shippedWelcome())
                    .deploy();
        }
    }

    @Test
    void aSendWaitingInItsJobMovesAndSendsOnceFromTheNewVersion() throws IOException {
        String email = "waiting-send-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response lead = api.post("/api/events", "{\"type\": \"form_submitted\", \"email\": \"" + email + "\"}",
                "demo");
        assertThat(lead.status()).as(lead.body()).isEqualTo(202);
        String contactId = lead.json().get("contactId").asText();
        ProcessInstance welcome = runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(contactId).singleResult();
        Job send = management.createJobQuery().processInstanceId(welcome.getId()).singleResult();
        assertThat(send.getDuedate()).as("an async continuation, not a timer").isNull();
        int oldVersion = repository.getProcessDefinition(welcome.getProcessDefinitionId()).getVersion();
        String revised = shippedWelcome().replace(">Welcome to Nurture<", ">" + NEW_SUBJECT + "<");
        String deployment = repository.createDeployment().name("welcome revised").addString("welcome.bpmn", revised)
                .deploy().getId();
        deployedNewVersion = true;
        String newDefinition = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult()
                .getId();

        Response started = api.post("/api/campaigns/welcome/migration", "{\"fromVersion\": " + oldVersion + "}",
                "demo");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String batchId = started.json().get("batchId").asText();
        assertThat(progress(batchId).get("finished").asBoolean()).as("nothing ran yet").isFalse();
        runBatch(batchId);

        JsonNode progress = progress(batchId);
        assertThat(progress.get("finished").asBoolean()).isTrue();
        assertThat(progress.get("completed").asLong()).isEqualTo(progress.get("total").asLong());
        Job moved = management.createJobQuery().processInstanceId(welcome.getId()).singleResult();
        assertThat(moved.getId()).as("the same job, moved").isEqualTo(send.getId());
        assertThat(moved.getProcessDefinitionId()).isEqualTo(newDefinition);
        assertThat(mailsTo(email)).as("the migration sends nothing").isEmpty();

        management.executeJob(moved.getId());

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(email).isEmpty());
        assertThat(mailsTo(email)).containsExactly(NEW_SUBJECT);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE contact_id = ?").param(contactId)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** What the job executor would do: the seed job creates the migration jobs, each of which moves an instance. */
    private void runBatch(String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        List<Job> seeds;
        while (!(seeds = management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list())
                .isEmpty()) {
            seeds.forEach(seed -> management.executeJob(seed.getId()));
        }
        management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    private JsonNode progress(String batchId) {
        Response progress = api.get("/api/campaigns/migrations/" + batchId, "demo");
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        return progress.json();
    }

    private List<String> mailsTo(String email) {
        return StreamSupport.stream(api.get("/api/inbox", "demo").json().spliterator(), false)
                .filter(mail -> mail.get("to").asText().contains(email)).map(mail -> mail.get("subject").asText())
                .toList();
    }

    private static String shippedWelcome() throws IOException {
        try (InputStream in = WaitingSendMigrationIT.class.getResourceAsStream("/processes/welcome.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
