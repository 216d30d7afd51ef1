package io.nurture.suspension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
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
 * A marketer suspends the welcome series over HTTP with the job executor running: a new lead is held (202, no
 * instance, no mail), a waiting lead's timer comes due and sends nothing, a lead who unsubscribes meanwhile has the
 * message held. On resume the held message reaches its instance before the overdue timer can send, the other
 * waiting lead gets its overdue mail, the new lead starts and gets its welcome mail, each once; resuming again does
 * nothing more.
 */
class CampaignSuspensionIT extends AbstractMailingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SUSPENSION = "/api/campaigns/welcome/suspension";
    private static final String TIPS = "Three ways to get started";

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcClient jdbc;

    /** The next suites in this context need the welcome series running. */
    @AfterEach
    void resumeWelcome() {
        api.delete(SUSPENSION, "demo");
    }

    @Test
    void aSuspendedCampaignHoldsNewLeadsAndMessagesAndResumesThemOnceInOrder() {
        String stayingEmail = unique("staying");
        ProcessInstance staying = waitingBeforeTheTipsMail(stayingEmail);
        String leavingEmail = unique("leaving");
        ProcessInstance leaving = waitingBeforeTheTipsMail(leavingEmail);

        Response suspended = api.post(SUSPENSION, "{\"reason\": \"new copy under review\"}", "marketer");

        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().get("state").asText()).isEqualTo("suspended");
        assertThat(suspended.json().get("suspendedBy").asText()).isEqualTo("marketer");
        assertThat(suspended.json().get("reason").asText()).isEqualTo("new copy under review");
        assertThat(isSuspended(staying)).isTrue();
        assertThat(timer(staying).isSuspended()).isTrue();
        Response again = api.post(SUSPENSION, "", "marketer");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("suspendedAt").asText()).as("the first suspension's")
                .isEqualTo(suspended.json().get("suspendedAt").asText());

        // both leads' pause ends now; the lowest roles may neither resume nor look
        Date past = new Date(System.currentTimeMillis() - 60_000);
        management.setJobDuedate(timer(staying).getId(), past);
        management.setJobDuedate(timer(leaving).getId(), past);
        assertThat(api.delete(SUSPENSION, "sales").status()).isEqualTo(403);
        assertThat(api.delete(SUSPENSION, "integration").status()).isEqualTo(403);
        assertThat(api.get(SUSPENSION, "sales").status()).isEqualTo(403);
        assertThat(api.post(SUSPENSION, "", "integration").status()).isEqualTo(403);

        String newEmail = unique("new");
        Response lead = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "properties": {"firstName": "Nia"}}""".formatted(newEmail),
                "integration");
        assertThat(lead.status()).as(lead.body()).isEqualTo(202);
        String newContact = lead.json().get("contactId").asText();
        Response unsubscribed = api.post("/api/events", """
                {"type": "unsubscribed", "email": "%s"}""".formatted(leavingEmail), "integration");
        assertThat(unsubscribed.status()).as(unsubscribed.body()).isEqualTo(202);

        assertThat(welcomeInstances(newContact)).as("the new lead waits for the resume").isZero();
        JsonNode held = api.get(SUSPENSION, "marketer").json();
        assertThat(held.get("heldStarts").asLong()).isEqualTo(1);
        assertThat(held.get("heldMessages").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(isRunning(leaving)).as("the unsubscribe is held, not delivered").isTrue();
        // the job executor polls at least every 5 s while jobs come due; the due timers stay put
        await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10)).until(() -> mails(stayingEmail, TIPS)
                + mails(leavingEmail, TIPS) + Mailbox.to(smtp.getReceivedMessages(), newEmail).size() == 0
                && timer(staying) != null && timer(leaving) != null);

        Response resumed = api.delete(SUSPENSION, "marketer");

        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("state").asText()).isEqualTo("active");
        assertThat(resumed.json().get("heldStarts").asLong()).isZero();
        assertThat(resumed.json().get("heldMessages").asLong()).isZero();
        assertThat(isRunning(leaving)).as("left by its unsubscribe exit").isFalse();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(leaving.getId())
                .activityId("Task_SendGettingStartedTips").count()).as("its due mail step never began").isZero();
        assertThat(welcomeInstances(newContact)).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> mails(newEmail, "Welcome to Nurture") == 1);
        await().atMost(PATIENCE).until(() -> mails(stayingEmail, TIPS) == 1);

        Response twice = api.delete(SUSPENSION, "marketer");
        assertThat(twice.status()).as(twice.body()).isEqualTo(200);
        assertThat(twice.json().get("state").asText()).isEqualTo("active");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> mails(newEmail, "Welcome to Nurture") == 1 && mails(stayingEmail, TIPS) == 1);
        assertThat(welcomeInstances(newContact)).isEqualTo(1);
        assertThat(mails(leavingEmail, TIPS)).isZero();
        assertThat(deliveries(leaving.getBusinessKey())).as("only the first welcome mail").isEqualTo(1);
    }

    @Test
    void resumesAtOnceStartEachHeldLeadOnce() throws Exception {
        assertThat(api.post(SUSPENSION, "", "marketer").status()).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            emails.add(unique("rush"));
            contacts.add(newLead(emails.get(i)));
        }
        assertThat(api.get(SUSPENSION, "marketer").json().get("heldStarts").asLong()).isEqualTo(6);

        // as two or three nodes would: each resume in its own requests and transactions, on the same rows
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> resumes = new ArrayList<>();
        for (String user : List.of("marketer", "demo", "marketer")) {
            resumes.add(pool.submit(() -> {
                start.await();
                return api.delete(SUSPENSION, user);
            }));
        }
        start.countDown();
        for (Future<Response> resume : resumes) {
            Response done = resume.get(120, TimeUnit.SECONDS);
            assertThat(done.status()).as(done.body()).isEqualTo(200);
        }
        pool.shutdown();

        assertThat(api.get(SUSPENSION, "marketer").json().get("state").asText()).isEqualTo("active");
        contacts.forEach(contact -> assertThat(welcomeInstances(contact)).as(contact).isEqualTo(1));
        for (String email : emails) {
            await().atMost(PATIENCE).until(() -> mails(email, "Welcome to Nurture") == 1);
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> emails.stream().allMatch(email -> mails(email, "Welcome to Nurture") == 1));
    }

    @Test
    void aResumeInterruptedMidWayIsFinishedByResumingAgain() {
        assertThat(api.post(SUSPENSION, "", "marketer").status()).isEqualTo(200);
        String first = newLead(unique("before"));
        // the node resuming died after activating the campaign, before its held starts ran
        jdbc.sql("UPDATE campaign_suspension SET resuming_since = CURRENT_TIMESTAMP, resumed_by = 'gone'"
                + " WHERE process_key = 'welcome'").update();
        repository.updateProcessDefinitionSuspensionState().byProcessDefinitionKey("welcome")
                .includeProcessInstances(true).activate();
        String meanwhile = newLead(unique("meanwhile"));

        JsonNode interrupted = api.get(SUSPENSION, "marketer").json();
        assertThat(interrupted.get("state").asText()).isEqualTo("resuming");
        assertThat(interrupted.get("heldStarts").asLong()).as("a start while resuming waits its turn").isEqualTo(2);
        assertThat(welcomeInstances(first) + welcomeInstances(meanwhile)).isZero();

        Response resumed = api.delete(SUSPENSION, "marketer");

        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("state").asText()).isEqualTo("active");
        assertThat(welcomeInstances(first)).isEqualTo(1);
        assertThat(welcomeInstances(meanwhile)).isEqualTo(1);
        assertThat(api.post(SUSPENSION, "", "marketer").json().get("state").asText())
                .as("suspending again works").isEqualTo("suspended");
    }

    @Test
    void aCampaignThatAnEventStartsHoldsThoseStartsAndTheEventsItWaitsFor() {
        String trial = "/api/campaigns/trial-nurture-test/suspension";
        String deployment = repository.createDeployment().name("trial-nurture-test")
                .addClasspathResource("campaigns/trial-nurture.bpmn").deploy().getId();
        try {
            String waitingEmail = unique("trial-waiting");
            String waiting = newLead(waitingEmail);
            event("trial_extended_test", waitingEmail);
            assertThat(trials(waiting)).isEqualTo(1);
            String freshEmail = unique("trial-fresh");
            String fresh = newLead(freshEmail);
            assertThat(api.post(trial, "", "marketer").status()).isEqualTo(200);

            event("trial_extended_test", freshEmail);
            event("trial_extended_test", freshEmail);
            event("trial_converted_test", waitingEmail);

            assertThat(trials(fresh)).isZero();
            assertThat(trials(waiting)).as("its conversion is held").isEqualTo(1);
            JsonNode held = api.get(trial, "marketer").json();
            assertThat(held.get("heldStarts").asLong()).isEqualTo(2);
            assertThat(held.get("heldMessages").asLong()).isEqualTo(1);

            Response resumed = api.delete(trial, "marketer");

            assertThat(resumed.json().get("state").asText()).as(resumed.body()).isEqualTo("active");
            assertThat(trials(fresh)).as("started once while it runs").isEqualTo(1);
            assertThat(trials(waiting)).isZero();
            assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("trial-nurture-test")
                    .processInstanceBusinessKey(waiting).completed().list())
                    .extracting(instance -> instance.getEndActivityId()).containsExactly("EndEvent_Converted");
        } finally {
            api.delete(trial, "demo");
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void anErasureWhileSuspendedTakesTheSuspendedInstanceAndTheHeldRowsWithIt() {
        String inEmail = unique("erased-in");
        String inCampaign = newLead(inEmail);
        assertThat(api.post(SUSPENSION, "", "marketer").status()).isEqualTo(200);
        String held = newLead(unique("erased-held"));
        event("unsubscribed", inEmail);
        JsonNode before = api.get(SUSPENSION, "marketer").json();
        assertThat(before.get("heldStarts").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(before.get("heldMessages").asLong()).isGreaterThanOrEqualTo(1);

        for (String contact : List.of(inCampaign, held)) {
            Response erased = api.delete("/api/contacts/" + contact, "privacy");
            assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        }

        assertThat(welcomeInstances(inCampaign)).as("the suspended instance is gone too").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM held_start WHERE contact_id IN (?, ?)").params(inCampaign, held)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM held_message WHERE contact_id IN (?, ?)")
                .params(inCampaign, held).query(Long.class).single()).isZero();
        assertThat(api.delete(SUSPENSION, "marketer").json().get("state").asText()).isEqualTo("active");
        assertThat(welcomeInstances(held)).as("nobody to start").isZero();
    }

    @Test
    void aCampaignSuspendedInCockpitHoldsItsStartsAndResumingThroughNurtureRunsThem() {
        // what Cockpit's suspend button does
        repository.updateProcessDefinitionSuspensionState().byProcessDefinitionKey("welcome")
                .includeProcessInstances(true).suspend();
        String email = unique("cockpit");

        String contact = newLead(email);

        JsonNode state = api.get(SUSPENSION, "marketer").json();
        assertThat(state.get("state").asText()).isEqualTo("suspended");
        assertThat(state.get("heldStarts").asLong()).isEqualTo(1);
        assertThat(welcomeInstances(contact)).isZero();
        Response resumed = api.delete(SUSPENSION, "marketer");
        assertThat(resumed.json().get("state").asText()).as(resumed.body()).isEqualTo("active");
        assertThat(welcomeInstances(contact)).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> mails(email, "Welcome to Nurture") == 1);
    }

    @Test
    void badRequestsAreProblemsNamingTheFieldAndSuspendNothing() {
        List<String> bodies = List.of("{\"reason\": 5}", "{\"reason\": true}", "{\"reason\": [\"a\"]}",
                "{\"reason\": {\"nested\": true}}",
                "{\"reason\": \"x\", \"admin\": true}", "[".repeat(5_000) + "]".repeat(5_000),
                "{\"reason\": \"" + "a".repeat(70_000) + "\"}", "{\"reason\": \"" + "a".repeat(201) + "\"}",
                "not json", "{\"reason\": ");
        for (String body : bodies) {
            Response response = api.post(SUSPENSION, body, "marketer");

            String shown = body.substring(0, Math.min(60, body.length()));
            assertThat(response.status()).as(shown + " → " + response.body()).isBetween(400, 499);
            assertThat(response.contentType()).as(shown).startsWith("application/problem+json");
        }
        assertThat(api.post(SUSPENSION, "{\"reason\": \"x\", \"admin\": true}", "marketer").json().get("detail")
                .asText()).contains("admin");
        assertThat(api.post(SUSPENSION, "{\"reason\": [\"a\"]}", "marketer").json().get("detail").asText())
                .contains("reason");
        assertThat(api.post(SUSPENSION, "{\"reason\": 5}", "marketer").json().get("detail").asText())
                .contains("reason");
        assertThat(api.post(SUSPENSION, "{\"reason\": \"" + "a".repeat(201) + "\"}", "marketer").json()
                .get("detail").asText()).contains("reason");

        for (Response unknown : List.of(api.get("/api/campaigns/no-such-campaign/suspension", "marketer"),
                api.post("/api/campaigns/no-such-campaign/suspension", "", "marketer"),
                api.delete("/api/campaigns/no-such-campaign/suspension", "marketer"))) {
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.json().get("detail").asText()).contains("no-such-campaign");
        }
        assertThat(api.get(SUSPENSION, "marketer").json().get("state").asText()).isEqualTo("active");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_suspension").query(Long.class).single()).isZero();
    }

    // --- helpers

    private void event(String type, String email) {
        Response response = api.post("/api/events", """
                {"type": "%s", "email": "%s"}""".formatted(type, email), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private long trials(String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("trial-nurture-test")
                .processInstanceBusinessKey(contactId).count();
    }

    private String newLead(String email) {
        Response lead = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s"}""".formatted(email), "integration");
        assertThat(lead.status()).as(lead.body()).isEqualTo(202);
        return lead.json().get("contactId").asText();
    }

    /** A lead who got the first mail, moved (as in Cockpit) to the day's pause before the tips mail. */
    private ProcessInstance waitingBeforeTheTipsMail(String email) {
        Response lead = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "properties": {"firstName": "Mo"}}""".formatted(email),
                "integration");
        assertThat(lead.status()).as(lead.body()).isEqualTo(202);
        String contactId = lead.json().get("contactId").asText();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(contactId).singleResult();
        await().atMost(PATIENCE).until(() -> isAt(instance, "Timer_Wait2Days"));
        runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity("Timer_Wait1Day")
                .cancelAllForActivity("Timer_Wait2Days").execute(true, true);
        assertThat(mails(email, "Welcome to Nurture")).isEqualTo(1);
        return instance;
    }

    private boolean isAt(ProcessInstance instance, String activityId) {
        return runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(activityId).count() > 0
                && management.createJobQuery().processInstanceId(instance.getId()).messages().count() == 0;
    }

    private Job timer(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private boolean isSuspended(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).suspended().count() == 1;
    }

    private boolean isRunning(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 1;
    }

    private long welcomeInstances(String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(contactId).count();
    }

    private long deliveries(String contactId) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE contact_id = ?").param(contactId).query(Long.class)
                .single();
    }

    private static long mails(String email, String subject) {
        return Mailbox.withSubject(smtp.getReceivedMessages(), email, subject);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
