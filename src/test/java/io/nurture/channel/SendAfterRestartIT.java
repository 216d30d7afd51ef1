package io.nurture.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.nurture.Mailbox;
import io.nurture.NurtureApplication;
import io.nurture.contact.ContactProfile;
import io.nurture.event.EventType;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.ingestion.EventIngestionService;

/**
 * A node dies around a send and Nurture restarts on the same database: the welcome mail's job runs again on the new
 * node and the contact still gets the mail exactly once.
 */
class SendAfterRestartIT {

    private static final String STEP = "Task_SendWelcomeEmail";

    @TempDir
    Path data;

    private final int smtpPort = freePort();
    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aMailSentJustBeforeTheNodeDiedIsNotSentAgainAfterTheRestart() {
        String email = "restart-sent@example.com";
        try (ConfigurableApplicationContext first = start(false)) {
            Welcome welcome = newLead(first, email);
            // the job's send went out and was logged, then the node died before the job's transaction committed
            first.getBean(Sender.class).send(welcome.request());
            assertThat(Mailbox.to(smtp.getReceivedMessages(), email)).hasSize(1);
        }

        try (ConfigurableApplicationContext second = start(true)) {
            awaitSendJobDone(second, email);
        }
        assertThat(Mailbox.to(smtp.getReceivedMessages(), email)).hasSize(1);
    }

    @Test
    void aSendTheDeadNodeHadClaimedGoesOutOnceAfterTheClaimTimesOut() {
        String email = "restart-claimed@example.com";
        try (ConfigurableApplicationContext first = start(false)) {
            Welcome welcome = newLead(first, email);
            // the node claimed the send and died before talking to the SMTP server
            first.getBean(DeliveryLog.class).claim(welcome.request(), email, Duration.ofSeconds(1));
        }

        try (ConfigurableApplicationContext second = start(true)) {
            awaitSendJobDone(second, email);
        }
        assertThat(Mailbox.to(smtp.getReceivedMessages(), email)).hasSize(1);
    }

    private record Welcome(String contactId, String instanceId) {

        SendRequest request() {
            return new SendRequest(instanceId + ":" + STEP, contactId, "email", "welcome-1",
                    Map.of("subject", "Welcome to Nurture"), "welcome", STEP, null, false);
        }
    }

    private static Welcome newLead(ConfigurableApplicationContext context, String email) {
        String contactId = context.getBean(EventIngestionService.class).ingest(new IncomingEvent(null,
                EventType.FORM_SUBMITTED, email, null, null, Instant.now(), ContactProfile.EMPTY, Map.of()), "test")
                .contactId();
        String instanceId = context.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("welcome").processInstanceBusinessKey(contactId).singleResult().getId();
        return new Welcome(contactId, instanceId);
    }

    private static void awaitSendJobDone(ConfigurableApplicationContext context, String email) {
        ManagementService management = context.getBean(ManagementService.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().messages().count() == 0
                && management.createJobQuery().timers().activityId("Timer_Wait2Days").count() == 1);
    }

    private ConfigurableApplicationContext start(boolean jobExecution) {
        return new SpringApplicationBuilder(NurtureApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--nurture.inbox.smtp-port=0", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("nurture") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                        "--nurture.demo.enabled=false", "--nurture.channels.claim-timeout=PT1S",
                        "--camunda.bpm.job-execution.enabled=" + jobExecution,
                        "--camunda.bpm.job-execution.max-wait=500");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
