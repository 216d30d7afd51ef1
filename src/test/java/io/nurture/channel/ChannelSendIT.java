package io.nurture.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.nurture.Mailbox;
import io.nurture.NurtureClient;
import jakarta.mail.internet.MimeMessage;

/**
 * Every channel against a real provider stand-in (GreenMail SMTP, WireMock for SMS and webhooks), through real
 * diagrams run job by job: policy, retries, incidents, deferrals and exactly-once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:nurture-channels;DB_CLOSE_DELAY=-1", "nurture.demo.enabled=false",
        "camunda.bpm.job-execution.enabled=false", "nurture.channels.sms.api-key=sms-key",
        "nurture.channels.webhook.endpoints.crm.secret=crm-secret" })
@DirtiesContext
class ChannelSendIT {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    DeliveryLog deliveries;

    @Autowired
    Sender sender;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("nurture.channels.sms.base-url", () -> provider.baseUrl() + "/sms");
        registry.add("nurture.channels.webhook.endpoints.crm.url", () -> provider.baseUrl() + "/crm");
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void setUp() {
        api = new NurtureClient(port);
        provider.stubFor(post(urlEqualTo("/sms/messages")).willReturn(ok()));
        provider.stubFor(post(urlEqualTo("/crm")).willReturn(ok()));
    }

    @TestConfiguration
    static class CrashingStep {

        static volatile boolean crashNext;

        /** Fails the job after the send committed its delivery row, as a crash before the engine's commit would. */
        @Bean("crashAfterSend")
        ExecutionListener crashAfterSend() {
            return execution -> {
                if (crashNext) {
                    crashNext = false;
                    throw new IllegalStateException("node died before the job committed");
                }
            };
        }
    }

    @Test
    void anSmsGoesToTheProviderWithTheContactsNameAndNumber() {
        String contactId = contact("+49 151 1234567", zoneWhereItIs(LocalTime.NOON), true);
        ProcessInstance step = startStep("${sendSms}", "text", "Hi {{firstName}}, your demo starts at 4pm.", contactId);

        runSendJob(step);

        provider.verify(1, postRequestedFor(urlEqualTo("/sms/messages"))
                .withHeader("Authorization", equalTo("Bearer sms-key"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("+491511234567")))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Hi Ada, your demo starts at 4pm."))));
        assertThat(statusOf(step)).contains(DeliveryStatus.SENT);
        assertThat(waitingAfterSend(step)).isTrue();
    }

    @Test
    void noSmsWithoutSmsConsentOrPhone() {
        ProcessInstance noConsent = startStep("${sendSms}", "text", "Hi", contact("+4915100000", "UTC", false));
        ProcessInstance noPhone = startStep("${sendSms}", "text", "Hi", contact(null, "UTC", true));

        runSendJob(noConsent);
        runSendJob(noPhone);

        provider.verify(0, postRequestedFor(urlEqualTo("/sms/messages")));
        assertThat(statusOf(noConsent)).contains(DeliveryStatus.SKIPPED);
        assertThat(statusOf(noPhone)).contains(DeliveryStatus.SKIPPED);
        assertThat(waitingAfterSend(noConsent)).isTrue();
    }

    @Test
    void anSmsInTheContactsQuietHoursWaitsUntilMorningWithoutUsingARetry() {
        String zone = zoneWhereItIs(LocalTime.of(23, 30));
        ProcessInstance step = startStep("${sendSms}", "text", "Hi", contact("+4915100001", zone, true));
        Job job = sendJob(step);

        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("quiet hours");

        Job deferred = sendJob(step);
        Instant morning = Instant.now().atZone(ZoneId.of(zone)).plusDays(1).with(LocalTime.of(8, 0)).toInstant();
        assertThat(deferred.getDuedate().toInstant()).isEqualTo(morning);
        assertThat(deferred.getRetries()).isEqualTo(job.getRetries());
        assertThat(runtime.createIncidentQuery().processInstanceId(step.getId()).count()).isZero();
        assertThat(statusOf(step)).contains(DeliveryStatus.DELAYED);
        provider.verify(0, postRequestedFor(urlEqualTo("/sms/messages")));
    }

    @Test
    void aFailingSmsProviderIsRetriedBecomesAnIncidentAndSendsOnceWhenBack() {
        provider.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withStatus(503)));
        ProcessInstance step = startStep("${sendSms}", "text", "Hi", contact("+4915100002",
                zoneWhereItIs(LocalTime.NOON), true));

        assertThatThrownBy(() -> runSendJob(step)).hasMessageContaining("503");
        Job retried = sendJob(step);
        assertThat(retried.getRetries()).isEqualTo(2); // R3/PT1M: three attempts
        assertThat(retried.getDuedate()).isAfter(new java.util.Date());
        assertThat(statusOf(step)).contains(DeliveryStatus.FAILED);

        provider.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> runSendJob(step)).isNotNull();
        assertThatThrownBy(() -> runSendJob(step)).isNotNull();
        assertThat(runtime.createIncidentQuery().processInstanceId(step.getId()).singleResult().getIncidentType())
                .isEqualTo("failedJob");

        // the provider is back; operations press "Retry" in Cockpit
        provider.resetRequests();
        provider.stubFor(post(urlEqualTo("/sms/messages")).willReturn(ok()));
        management.setJobRetries(sendJob(step).getId(), 1);
        runSendJob(step);

        provider.verify(1, postRequestedFor(urlEqualTo("/sms/messages")));
        assertThat(statusOf(step)).contains(DeliveryStatus.SENT);
        assertThat(runtime.createIncidentQuery().processInstanceId(step.getId()).count()).isZero();
        assertThat(waitingAfterSend(step)).isTrue();
    }

    @Test
    void anSmsTheProviderRefusesIsRecordedAndTheCampaignGoesOn() {
        provider.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withStatus(422)
                .withBody("{\"error\": \"invalid number\"}")));
        ProcessInstance step = startStep("${sendSms}", "text", "Hi", contact("+4915100003",
                zoneWhereItIs(LocalTime.NOON), true));

        runSendJob(step);

        assertThat(statusOf(step)).contains(DeliveryStatus.REJECTED);
        assertThat(waitingAfterSend(step)).isTrue();
        provider.verify(1, postRequestedFor(urlEqualTo("/sms/messages")));
    }

    @Test
    void aWebhookCarriesTheContactAsJsonSignedWithTheEndpointsSecret() throws Exception {
        String contactId = contact(null, "UTC", false);
        ProcessInstance step = startStep("${sendWebhook}", "endpoint", "crm", contactId);

        runSendJob(step);

        List<LoggedRequest> calls = provider.findAll(postRequestedFor(urlEqualTo("/crm")));
        assertThat(calls).hasSize(1);
        String body = calls.get(0).getBodyAsString();
        assertThat(calls.get(0).getHeader("X-Nurture-Signature")).isEqualTo("sha256=" + hmac("crm-secret", body));
        JsonNode payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        assertThat(payload.get("contact").get("id").asText()).isEqualTo(contactId);
        assertThat(payload.get("campaign").asText()).isEqualTo("test-step");
        assertThat(payload.get("step").asText()).isEqualTo("Task_Send");
        assertThat(calls.get(0).getHeader("X-Nurture-Delivery")).isEqualTo(payload.get("deliveryId").asText());
    }

    @Test
    void aWebhookEndpointDownIsRetried() {
        provider.stubFor(post(urlEqualTo("/crm")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        ProcessInstance step = startStep("${sendWebhook}", "endpoint", "crm", contact(null, "UTC", false));

        assertThatThrownBy(() -> runSendJob(step)).isNotNull();

        assertThat(sendJob(step).getRetries()).isEqualTo(2);
        assertThat(statusOf(step)).contains(DeliveryStatus.FAILED);
    }

    @Test
    void anInAppNotificationIsListedForTheContactOnce() {
        String contactId = contact(null, "UTC", false);
        ProcessInstance step = startStep("${sendInApp}", "title", "{{firstName}}, try the gallery", contactId);

        runSendJob(step);
        sender.send(new SendRequest(step.getId() + ":Task_Send", contactId, "inapp", "Task_Send",
                Map.of("title", "again"), "test-step", "Task_Send", null, false));

        JsonNode notifications = api.get("/api/contacts/" + contactId + "/notifications", "demo").json();
        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).get("title").asText()).isEqualTo("Ada, try the gallery");
        assertThat(notifications.get(0).get("campaign").asText()).isEqualTo("test-step");
        String read = "/api/contacts/" + contactId + "/notifications/" + notifications.get(0).get("id").asText()
                + "/read";
        assertThat(api.post(read, "", "demo").status()).isEqualTo(204);
        assertThat(api.get("/api/contacts/" + contactId + "/notifications", "demo").json().get(0).get("readAt"))
                .isNotNull();
        assertThat(api.get("/api/contacts/nobody/notifications", "demo").status()).isEqualTo(404);
        assertThat(api.get("/api/contacts/" + contactId + "/notifications", null).status()).isEqualTo(401);
    }

    @Test
    void marketingMailCarriesOneClickUnsubscribeHeadersAndAStableMessageId() throws Exception {
        String contactId = contact(null, "UTC", false);
        ProcessInstance step = startEmailStep(contactId, "welcome-1");

        runSendJob(step);

        MimeMessage mail = mailsTo(emailOf(contactId)).get(0);
        String key = step.getId() + ":Task_Send";
        assertThat(mail.getMessageID()).isEqualTo(DeliveryLog.messageIdFor(key));
        assertThat(mail.getHeader("List-Unsubscribe", null)).matches("<http://localhost:8080/t/unsubscribe/[-0-9a-f]+\\?s=[-_A-Za-z0-9]+>");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(jdbc.sql("SELECT campaign || '/' || step || '/' || COALESCE(variant, '-') FROM delivery "
                + "WHERE idempotency_key = ?").param(key).query(String.class).single())
                .isEqualTo("test-step/Task_Send/-");
    }

    @Test
    void theFrequencyCapDelaysTheFourthMarketingMailOfTheWeekButNotATransactionalOne() {
        String contactId = contact(null, "UTC", false);
        for (int i = 0; i < 3; i++) {
            runSendJob(startEmailStep(contactId, "welcome-" + (i + 1)));
        }
        ProcessInstance fourth = startEmailStep(contactId, "welcome-4");

        assertThatThrownBy(() -> runSendJob(fourth)).hasMessageContaining("frequency cap");

        assertThat(statusOf(fourth)).contains(DeliveryStatus.DELAYED);
        Instant firstSent = jdbc.sql("SELECT MIN(sent_at) FROM delivery WHERE contact_id = ?").param(contactId)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(sendJob(fourth).getDuedate().toInstant().truncatedTo(ChronoUnit.MILLIS))
                .isEqualTo(firstSent.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MILLIS));
        assertThat(sender.send(new SendRequest("receipt-" + UUID.randomUUID(), contactId, "email", "welcome-1",
                Map.of("subject", "Your receipt"), null, null, null, true))).isEqualTo(Sender.Outcome.SENT);
        assertThat(mailsTo(emailOf(contactId))).hasSize(4);
    }

    @Test
    void concurrentAttemptsAtOneSendMailOnce() throws Exception {
        String contactId = contact(null, "UTC", false);
        SendRequest request = new SendRequest("race-" + UUID.randomUUID(), contactId, "email", "welcome-2",
                Map.of("subject", "Race"), "test-step", "Task_Send", null, false);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                try {
                    return sender.send(request);
                } catch (SendDeferredException anotherAttemptIsSending) {
                    return null;
                }
            }));
        }
        start.countDown();
        for (Future<?> attempt : attempts) {
            attempt.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(mailsTo(emailOf(contactId))).hasSize(1);
        assertThat(deliveries.status(request.idempotencyKey())).contains(DeliveryStatus.SENT);
    }

    @Test
    void aJobThatDiesAfterTheSendIsRetriedWithoutSendingAgain() {
        String contactId = contact(null, "UTC", false);
        ProcessInstance step = startStep(Bpmn.createExecutableProcess("test-crash").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Send").camundaDelegateExpression("${sendEmail}").camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R3/PT1M").camundaInputParameter("template", "welcome-1")
                .camundaInputParameter("subject", "Once").camundaExecutionListenerDelegateExpression("end",
                        "${crashAfterSend}")
                .userTask("Task_After").endEvent().done(), contactId);
        CrashingStep.crashNext = true;

        assertThatThrownBy(() -> runSendJob(step)).hasMessageContaining("node died");
        assertThat(mailsTo(emailOf(contactId))).hasSize(1);
        runSendJob(step);

        assertThat(mailsTo(emailOf(contactId))).hasSize(1);
        assertThat(waitingAfterSend(step)).isTrue();
    }

    @Test
    void anSmtpServerThatGoesAwayAndComesBackSendsOnce() {
        String contactId = contact(null, "UTC", false);
        ProcessInstance step = startEmailStep(contactId, "welcome-2");
        smtp.stop();
        try {
            assertThatThrownBy(() -> runSendJob(step)).isNotNull();
            assertThat(statusOf(step)).contains(DeliveryStatus.FAILED);
        } finally {
            startSmtp();
        }
        runSendJob(step);

        assertThat(mailsTo(emailOf(contactId))).hasSize(1);
        assertThat(statusOf(step)).contains(DeliveryStatus.SENT);
    }

    // --- helpers

    private String contact(String phone, String timeZone, boolean smsConsent) {
        String email = "ch-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String json = """
                {"type": "page_view", "email": "%s",
                 "properties": {"firstName": "Ada", %s "timeZone": "%s", "consent": {"email": true, "sms": %s}}}"""
                .formatted(email, phone == null ? "" : "\"phone\": \"" + phone + "\",", timeZone, smsConsent);
        var response = api.post("/api/events", json, "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    private String emailOf(String contactId) {
        return api.get("/api/contacts/" + contactId, "demo").json().get("email").asText();
    }

    private ProcessInstance startStep(String delegate, String input, String value, String contactId) {
        var task = Bpmn.createExecutableProcess("test-step").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_Send").camundaDelegateExpression(delegate).camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R3/PT1M").camundaInputParameter(input, value);
        if (delegate.equals("${sendWebhook}")) {
            task = task.camundaInputParameter("event", "lead.updated");
        }
        return startStep(task.userTask("Task_After").endEvent().done(), contactId);
    }

    private ProcessInstance startEmailStep(String contactId, String template) {
        return startStep(Bpmn.createExecutableProcess("test-step").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_Send").camundaDelegateExpression("${sendEmail}").camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R3/PT1M").camundaInputParameter("template", template)
                .camundaInputParameter("subject", "About " + template).userTask("Task_After").endEvent().done(),
                contactId);
    }

    private ProcessInstance startStep(BpmnModelInstance model, String contactId) {
        String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next()
                .getId();
        repository.createDeployment().addModelInstance(key + ".bpmn", model).enableDuplicateFiltering(true).deploy();
        return runtime.startProcessInstanceByKey(key, contactId, Map.of("contactId", contactId));
    }

    private Job sendJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void runSendJob(ProcessInstance instance) {
        management.executeJob(sendJob(instance).getId());
    }

    private boolean waitingAfterSend(ProcessInstance instance) {
        return runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId("Task_After").count() == 1;
    }

    private java.util.Optional<DeliveryStatus> statusOf(ProcessInstance instance) {
        return deliveries.status(instance.getId() + ":Task_Send");
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Mailbox.to(smtp.getReceivedMessages(), address);
    }

    /** A fixed-offset zone in which it is about {@code localTime} right now. */
    private static String zoneWhereItIs(LocalTime localTime) {
        int hours = localTime.getHour() - Instant.now().atZone(ZoneOffset.UTC).getHour();
        if (hours > 14) {
            hours -= 24;
        } else if (hours < -12) {
            hours += 24;
        }
        return ZoneOffset.ofHours(hours).getId();
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
