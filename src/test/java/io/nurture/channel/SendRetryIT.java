package io.nurture.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.nurture.NurtureClient;

/**
 * The SMTP server goes away: the send job fails, is retried, and with its retries used up becomes an incident that
 * Cockpit shows. Once the server is back and operations retry the job, the mail goes out exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:nurture-retry;DB_CLOSE_DELAY=-1", "nurture.demo.enabled=false",
        "camunda.bpm.job-execution.max-wait=1000" })
@DirtiesContext
class SendRetryIT {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    DeliveryLog deliveries;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aFailingSmtpServerBecomesAnIncidentAndTheMailGoesOutOnceWhenItIsBack() {
        String email = "retry-" + System.nanoTime() + "@example.com";
        String contactId = new NurtureClient(port).post("/api/events", """
                {"type": "form_submitted", "email": "%s"}""".formatted(email), "demo").json().get("contactId")
                .asText();
        String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(contactId).singleResult().getId();

        // no SMTP server yet: the first attempt fails and is rescheduled by the retry cycle
        await().atMost(Duration.ofSeconds(30)).until(() -> sendJob(instanceId).getRetries() < 5);
        Job job = sendJob(instanceId);
        assertThat(job.getExceptionMessage()).isNotBlank();
        assertThat(job.getDuedate()).isAfter(new Date());
        String key = instanceId + ":" + activityOf(instanceId);
        assertThat(deliveries.status(key)).contains(DeliveryStatus.FAILED);

        // the last retry fails too: an incident for Cockpit, the mail is not lost
        management.setJobRetries(job.getId(), 1);
        management.setJobDuedate(job.getId(), new Date());
        await().atMost(Duration.ofSeconds(30)).until(() -> incident(instanceId) != null);
        assertThat(incident(instanceId).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);

        // the server is back; operations retry the job (Cockpit's "Retry")
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        management.setJobRetries(job.getId(), 1);
        management.setJobDuedate(job.getId(), new Date());
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.status(key).orElseThrow() == DeliveryStatus.SENT);
        // the delivery row commits before the job's own transaction moves the instance on to its next wait
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(instanceId)
                .timers().count() == 1);

        assertThat(Arrays.stream(smtp.getReceivedMessages())).hasSize(1);
        assertThat(incident(instanceId)).isNull();
    }

    private Job sendJob(String instanceId) {
        return management.createJobQuery().processInstanceId(instanceId).messages().singleResult();
    }

    private String activityOf(String instanceId) {
        return management.createJobQuery().processInstanceId(instanceId).messages().singleResult()
                .getFailedActivityId();
    }

    private Incident incident(String instanceId) {
        return runtime.createIncidentQuery().processInstanceId(instanceId).singleResult();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
