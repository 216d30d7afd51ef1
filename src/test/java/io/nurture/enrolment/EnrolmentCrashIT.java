package io.nurture.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;
import io.nurture.NurtureProcess;

/**
 * "Resumable after a restart": Nurture as a child process enrols a list slowly, is killed with SIGKILL half-way, and a
 * new process on the same database finishes the enrolment; every member is in the campaign exactly once.
 */
class EnrolmentCrashIT {

    private static final int MEMBERS = 16;

    @TempDir
    Path workingDirectory;

    private NurtureProcess nurture;

    @AfterEach
    void stopNurture() {
        if (nurture != null) {
            nurture.close();
        }
    }

    @Test
    void anEnrolmentKilledHalfWayIsFinishedByTheNextProcessStartingEachMemberOnce() {
        nurture = start("1");
        NurtureClient api = nurture.client();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Response lead = api.post("/api/events", """
                    {"type": "form_submitted", "email": "enrol-crash-%s@example.com"}""".formatted(UUID.randomUUID()),
                    "demo");
            assertThat(lead.status()).as(lead.body()).isEqualTo(202);
            members.add(lead.json().get("contactId").asText());
        }
        String list = api.post("/api/lists", "{\"name\": \"crash " + UUID.randomUUID() + "\"}", "demo").json()
                .get("id").asText();
        assertThat(api.post("/api/lists/" + list + "/members", "{\"contactIds\": [\"" + String.join("\", \"", members)
                + "\"]}", "demo").status()).isEqualTo(200);
        // one start a tick (60 a minute, a tick of half a second), so the kill comes half-way
        Response enrolled = api.post("/api/campaigns/drip/enrolments", "{\"list\": \"" + list
                + "\", \"perMinute\": 60}", "demo");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(202);
        String id = enrolled.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(api, id).get("started").asInt() >= MEMBERS / 4);

        int startedBeforeKill = progress(api, id).get("started").asInt();
        nurture.kill();
        assertThat(startedBeforeKill).as("started shortly before the kill").isBetween(1, MEMBERS - 2);

        nurture = start("2");
        NurtureClient restarted = nurture.client();
        await().atMost(Duration.ofSeconds(90)).failFast("Nurture died", () -> !nurture.isAlive())
                .until(() -> progress(restarted, id).get("state").asText().equals("FINISHED"));

        JsonNode done = progress(restarted, id);
        System.out.printf("EnrolmentCrashIT: %d of %d members started before the kill, %d after%n",
                startedBeforeKill, MEMBERS, done.get("started").asInt() - startedBeforeKill);
        assertThat(done.get("started").asInt()).isEqualTo(MEMBERS);
        assertThat(done.get("alreadyIn").asInt() + done.get("gone").asInt() + done.get("pending").asInt()).isZero();
        for (String member : members) {
            assertThat(restarted.get("/engine-rest/process-instance/count?processDefinitionKey=drip&businessKey="
                    + member, "demo").json().get("count").asInt()).as(member).isEqualTo(1);
        }
    }

    private static JsonNode progress(NurtureClient api, String id) {
        return api.get("/api/campaigns/enrolments/" + id, "demo").json();
    }

    private NurtureProcess start(String life) {
        return NurtureProcess.start(workingDirectory, Path.of("target", "enrolment-crash", "life-" + life + ".log"),
                List.of("--nurture.demo.enabled=false", "--nurture.inbox.smtp-port=0",
                        // the drip's first mails wait in their jobs: this suite counts starts, not sends
                        "--camunda.bpm.job-execution.enabled=false", "--nurture.enrolments.tick=PT0.5S"));
    }
}
