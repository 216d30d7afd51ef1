package io.nurture.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * The default profile has no SMS provider: a new lead's welcome SMS lands in the built-in outbox, rendered for the
 * contact and recorded once in the delivery log like a provider's send, with no incident; admins list it at
 * {@code /api/inbox/sms} and {@code /inbox}. (With a provider, channel/ChannelSendIT drives WireMock.)
 */
@InboxAppTest
class SmsOutboxIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void aNewLeadsWelcomeSmsEndsInTheOutboxWithItsTextAndNoIncident() {
        String phone = "+49151" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String contactId = leadWithPhone(phone);
        ProcessInstance welcome = welcomeOf(contactId);

        String deliveryId = sendWelcomeSms(welcome, contactId);

        JsonNode sms = outboxEntryTo(phone);
        assertThat(sms).as("the outbox holds the SMS to " + phone).isNotNull();
        assertThat(sms.get("text").asText())
                .isEqualTo("Hi Ada, welcome to Nurture! Your getting-started guide is in your inbox.");
        assertThat(sms.get("reference").asText()).isEqualTo(deliveryId);
        assertThat(sms.get("from").asText()).isEqualTo("Nurture");
        assertThat(management.createJobQuery().processInstanceId(welcome.getId()).withException().count()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(welcome.getId()).count()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE contact_id = ? AND channel = 'sms'")
                .param(contactId).query(Long.class).single()).isEqualTo(1);

        Response page = api.get("/inbox", "demo");
        assertThat(page.body()).contains(phone, "Hi Ada, welcome to Nurture!");
        assertThat(api.get("/api/inbox/sms", "marketer").status()).isEqualTo(403);
    }

    @Test
    void erasingTheContactTakesItsSmsOutOfTheOutbox() {
        String phone = "+49152" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String contactId = leadWithPhone(phone);
        sendWelcomeSms(welcomeOf(contactId), contactId);
        assertThat(outboxEntryTo(phone)).isNotNull();

        Response erased = api.delete("/api/contacts/" + contactId, "demo");

        assertThat(erased.status()).as(erased.body()).isLessThan(300);
        assertThat(outboxEntryTo(phone)).isNull();
        assertThat(api.get("/inbox", "demo").body()).doesNotContain(phone);
    }

    private String leadWithPhone(String phone) {
        Response response = api.post("/api/events", """
                {"type": "form_submitted", "email": "sms-%s@example.com",
                 "properties": {"firstName": "Ada", "phone": "%s", "timeZone": "%s", "source": "whitepaper",
                                "consent": {"email": true, "sms": true}}}"""
                .formatted(UUID.randomUUID(), phone, zoneWhereItIs(LocalTime.NOON)), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    private ProcessInstance welcomeOf(String contactId) {
        return await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("welcome").processInstanceBusinessKey(contactId).singleResult(),
                instance -> instance != null);
    }

    /** Lets the job executor send the first mail, fires "Wait 2 days" at once and waits for the SMS's delivery row. */
    private String sendWelcomeSms(ProcessInstance welcome, String contactId) {
        Job wait2Days = await().atMost(PATIENCE).until(() -> management.createJobQuery()
                .processInstanceId(welcome.getId()).activityId("Timer_Wait2Days").singleResult(), job -> job != null);
        management.executeJob(wait2Days.getId());
        return await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT id FROM delivery WHERE contact_id = ? "
                + "AND channel = 'sms' AND status = 'SENT'").param(contactId).query(String.class).optional(),
                java.util.Optional::isPresent).get();
    }

    private JsonNode outboxEntryTo(String phone) {
        Response outbox = api.get("/api/inbox/sms", "demo");
        assertThat(outbox.status()).as(outbox.body()).isEqualTo(200);
        for (JsonNode sms : outbox.json()) {
            if (sms.get("to").asText().equals(phone)) {
                return sms;
            }
        }
        return null;
    }

    /** A UTC offset where it is about this time of day now, so quiet hours never hold the SMS back. */
    private static String zoneWhereItIs(LocalTime localTime) {
        int hours = localTime.getHour() - Instant.now().atZone(ZoneOffset.UTC).getHour();
        if (hours > 14) {
            hours -= 24;
        } else if (hours < -12) {
            hours += 24;
        }
        return ZoneOffset.ofHours(hours).getId();
    }
}
