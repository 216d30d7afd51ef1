package io.nurture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.NurtureClient.Response;

/**
 * The prod profile as shipped, with the secrets it requires: the API docs are behind the login like the rest of
 * {@code /api}, and without an SMS provider an SMS step is neither sent nor dropped but an incident naming the setting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.profiles.active=prod", "spring.datasource.url=jdbc:h2:mem:nurture-prod;DB_CLOSE_DELAY=-1",
        "nurture.inbox.smtp-port=0", "camunda.bpm.job-execution.enabled=false",
        "NURTURE_ADMIN_USER=" + ProdProfileIT.ADMIN, "NURTURE_ADMIN_PASSWORD=" + ProdProfileIT.PASSWORD,
        "NURTURE_PUBLIC_URL=http://nurture.test", "NURTURE_TRACKING_SECRET=prod-test-tracking-secret",
        "NURTURE_PRIVACY_HASH_KEY=prod-test-privacy-hash-key" })
class ProdProfileIT {

    static final String ADMIN = "prodadmin";
    static final String PASSWORD = "a-prod-test-password";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/docs", "/api/docs.yaml", "/api/docs/ui", "/api/docs/swagger-ui/index.html" })
    void theApiDocsNeedALogin(String path) {
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(asAdmin("GET", path, null).status()).isIn(200, 302);
    }

    @Test
    void anSmsStepWithoutAProviderEndsAsAnIncidentNamingTheSetting() {
        String contactId = contactWithPhone();
        ProcessInstance step = startSmsStep(contactId);

        Incident incident = null;
        for (int attempt = 0; attempt < 5 && incident == null; attempt++) {
            Job job = management.createJobQuery().processInstanceId(step.getId()).singleResult();
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // each attempt fails like an unreachable provider; the retry cycle below allows two
            }
            incident = runtime.createIncidentQuery().processInstanceId(step.getId()).singleResult();
        }

        assertThat(incident).as("an incident once the retries are used up").isNotNull();
        assertThat(incident.getIncidentMessage()).contains("nurture.channels.sms.base-url");
        assertThat(jdbc.sql("SELECT status FROM delivery WHERE contact_id = ? AND channel = 'sms'").param(contactId)
                .query(String.class).single()).isEqualTo("FAILED");
        assertThat(asAdmin("GET", "/api/inbox/sms", null).status()).as("no outbox in prod").isEqualTo(404);
    }

    private String contactWithPhone() {
        Response response = asAdmin("POST", "/api/events", """
                {"type": "page_view", "email": "prod-%s@example.com",
                 "properties": {"firstName": "Ada", "phone": "+4915100000042", "timeZone": "%s",
                                "consent": {"email": true, "sms": true}}}"""
                .formatted(UUID.randomUUID(), zoneWhereItIs(LocalTime.NOON)));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    private Response asAdmin(String method, String path, String json) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", NurtureClient.basic(ADMIN, PASSWORD))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private ProcessInstance startSmsStep(String contactId) {
        BpmnModelInstance model = Bpmn.createExecutableProcess("prod-sms-step").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_SendSms").camundaDelegateExpression("${sendSms}")
                .camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R1/PT1M")
                .camundaInputParameter("text", "Hi {{firstName}}").userTask("Task_After").endEvent().done();
        repository.createDeployment().addModelInstance("prod-sms-step.bpmn", model).enableDuplicateFiltering(true)
                .deploy();
        return runtime.startProcessInstanceByKey("prod-sms-step", contactId, Map.of("contactId", contactId));
    }

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
