package io.nurture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.NurtureClient.Response;

/**
 * The whole product through HTTP: events in, e-mail out over real SMTP, the hand-off worked through the engine's REST
 * API by the SDR and the sales rep with their own credentials. Run once per database, each in a shared context.
 */
abstract class AbstractNurtureIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("sendEmail")
    JavaDelegate sendEmail;

    @Autowired
    IdentityService identity;

    NurtureClient api;

    /** Every mail the SMTP server received for this address. */
    abstract List<SentMail> mailsTo(String address);

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void aNewLeadIsEnrolledInWelcomeAndGetsThePersonalisedFirstMail() {
        String email = unique("ada");
        Response response = postEvent("""
                {"type": "form_submitted", "email": "%s",
                 "properties": {"firstName": "Ada", "company": "Acme", "source": "whitepaper",
                                "consent": {"email": true}}}""".formatted(email));

        assertThat(response.status()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(body.get("lifecycleStage").asText()).isEqualTo("LEAD");
        assertThat(body.get("score").asInt()).isEqualTo(10);
        assertThat(body.get("duplicate").asBoolean()).isFalse();

        await().atMost(PATIENCE).until(() -> !mailsTo(email).isEmpty());
        SentMail mail = mailsTo(email).get(0);
        assertThat(mail.subject()).isEqualTo("Welcome to Nurture");
        assertThat(mail.text()).startsWith("Hi Ada,");
        assertThat(mail.html()).contains("Hi Ada,").contains("<p>");

        String contactId = body.get("contactId").asText();
        JsonNode contact = api.get("/api/contacts/" + contactId, "marketer").json();
        assertThat(contact.get("email").asText()).isEqualTo(email);
        JsonNode history = contact.get("stageHistory");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("to").asText()).isEqualTo("LEAD");
        assertThat(history.get(0).get("entry").asInt()).isEqualTo(1);
        assertThat(history.get(0).get("actor").asText()).isEqualTo("integration");
        assertThat(activeInstances("welcome", contactId)).isEqualTo(1);
    }

    @Test
    void aRetriedSendStepSendsOnce() throws Exception {
        String email = unique("once");
        String contactId = postEvent("""
                {"type": "form_submitted", "email": "%s", "properties": {"firstName": "Ona"}}""".formatted(email))
                .json().get("contactId").asText();
        await().atMost(PATIENCE).until(() -> mailsTo(email).size() == 1);

        DelegateExecution step = mock(DelegateExecution.class);
        when(step.getBusinessKey()).thenReturn(contactId);
        when(step.getProcessInstanceId()).thenReturn("instance-of-" + contactId);
        when(step.getCurrentActivityId()).thenReturn("Task_SendGettingStartedTips");
        when(step.getVariableLocal("template")).thenReturn("welcome-2");
        when(step.getVariableLocal("subject")).thenReturn("Three ways to get started");
        sendEmail.execute(step);
        sendEmail.execute(step); // the job executor retrying the same step

        assertThat(mailsTo(email)).extracting(SentMail::subject)
                .containsExactlyInAnyOrder("Welcome to Nurture", "Three ways to get started");
    }

    @Test
    void noMarketingMailWithoutEmailConsent() {
        String email = unique("optout");
        String contactId = postEvent("""
                {"type": "newsletter_subscribed", "email": "%s", "properties": {"consent": {"email": false}}}"""
                .formatted(email)).json().get("contactId").asText();

        // once the series waits on its first timer, the first send step is behind it
        String welcome = api.get("/engine-rest/process-instance?processDefinitionKey=welcome&businessKey=" + contactId,
                "demo").json().get(0).get("id").asText();
        await().atMost(PATIENCE).until(() -> api.get("/engine-rest/job?timers=true&processInstanceId=" + welcome,
                "demo").json().size() == 1);
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    void theSameEventIdTwiceIsStoredOnceAndSaysDuplicate() {
        String email = unique("dup");
        String event = """
                {"eventId": "%s", "type": "content_downloaded", "email": "%s"}""".formatted(UUID.randomUUID(), email);

        JsonNode first = postEvent(event).json();
        Response second = postEvent(event);

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("duplicate").asBoolean()).isTrue();
        assertThat(second.json().get("contactId").asText()).isEqualTo(first.get("contactId").asText());
        assertThat(second.json().get("score").asInt()).isEqualTo(first.get("score").asInt());
    }

    @Test
    void oneContactPerEmailWhateverItsCase() {
        String email = unique("case");
        String first = postEvent("""
                {"type": "page_view", "email": "%s"}""".formatted(email.toUpperCase())).json().get("contactId").asText();
        String second = postEvent("""
                {"type": "newsletter_subscribed", "email": "%s"}""".formatted(email)).json().get("contactId").asText();

        assertThat(second).isEqualTo(first);
        assertThat(api.get("/api/contacts?email=" + email, "demo").json()).hasSize(1);
    }

    @Test
    void simultaneousFirstEventsForOneEmailMakeOneContactAndAllCount() throws Exception {
        String email = unique("rush");
        String sharedEventId = UUID.randomUUID().toString();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String body = i % 2 == 0
                    ? """
                      {"type": "content_downloaded", "email": "%s"}""".formatted(email.toUpperCase())
                    : """
                      {"eventId": "%s", "type": "content_downloaded", "email": "%s"}""".formatted(sharedEventId, email);
            responses.add(pool.submit(() -> {
                start.await();
                return postEvent(body);
            }));
        }
        start.countDown();
        List<String> contactIds = new ArrayList<>();
        for (Future<Response> response : responses) {
            Response done = response.get(60, TimeUnit.SECONDS);
            assertThat(done.status()).as(done.body()).isEqualTo(202);
            contactIds.add(done.json().get("contactId").asText());
        }
        pool.shutdown();

        assertThat(contactIds).containsOnly(contactIds.get(0));
        JsonNode contact = api.get("/api/contacts/" + contactIds.get(0), "demo").json();
        // four events without eventId, one with the shared eventId, 8 points each
        assertThat(contact.get("behaviourScore").asInt()).isEqualTo(5 * 8);
        assertThat(contact.get("stageHistory")).hasSize(1);
        assertThat(activeInstances("welcome", contactIds.get(0))).isEqualTo(1);
    }

    @Test
    void aVisitorWhoFillsAFormBecomesALeadWithTheirHistory() {
        String anonymousId = "anon-" + UUID.randomUUID();
        JsonNode visit = postEvent("""
                {"type": "pricing_page_view", "anonymousId": "%s"}""".formatted(anonymousId)).json();
        assertThat(visit.get("lifecycleStage").asText()).isEqualTo("VISITOR");

        JsonNode form = postEvent("""
                {"type": "form_submitted", "anonymousId": "%s", "email": "%s"}"""
                .formatted(anonymousId, unique("visitor"))).json();

        assertThat(form.get("contactId").asText()).isEqualTo(visit.get("contactId").asText());
        assertThat(form.get("lifecycleStage").asText()).isEqualTo("LEAD");
        assertThat(form.get("score").asInt()).isEqualTo(visit.get("score").asInt() + 10);
    }

    @Test
    void badInputIsA4xxProblemAndStoresNothing() {
        String email = unique("bad");
        assertProblem(api.post("/api/events", "{\"type\": \"form_submitted\", ", "demo"), 400, "not valid JSON");
        assertProblem(postEvent("""
                {"type": "--", "email": "%s"}""".formatted(email)), 400, "type '--' is not an event type");
        assertProblem(postEvent("""
                {"type": "form_submitted"}"""), 400, "needs an 'email'");
        assertProblem(postEvent("""
                {"type": "form_submitted", "email": "not-an-email"}"""), 400, "email");
        assertProblem(postEvent("""
                {"type": "form_submitted", "email": "%s", "properties": {"companySize": "huge"}}""".formatted(email)),
                400, "companySize");
        assertProblem(postEvent("""
                {"type": "form_submitted", "email": "%s", "occurredAt": "yesterday"}""".formatted(email)), 400,
                "not valid JSON");
        assertProblem(postEvent("""
                {"type": "email_opened", "contactId": "no-such-contact"}"""), 404, "no-such-contact");
        assertProblem(api.get("/api/contacts/no-such-contact", "demo"), 404, "no-such-contact");
        assertProblem(api.get("/api/contacts", "demo"), 400, "email");

        assertThat(api.get("/api/contacts?email=" + email, "demo").json()).isEmpty();
    }

    @Test
    void dealsNeedAValidStatusAndAnOpportunity() {
        String contactId = postEvent("""
                {"type": "form_submitted", "email": "%s"}""".formatted(unique("deal"))).json().get("contactId").asText();

        assertProblem(api.post("/api/contacts/" + contactId + "/deal", """
                {"status": "maybe", "amount": 10}""", "sales"), 400, "status");
        assertProblem(api.post("/api/contacts/" + contactId + "/deal", """
                {"status": "won", "amount": -1}""", "sales"), 400, "amount");
        assertProblem(api.post("/api/contacts/" + contactId + "/deal", """
                {"status": "won", "amount": 100}""", "sales"), 409, "only an OPPORTUNITY");
        assertProblem(api.post("/api/contacts/unknown/deal", """
                {"status": "won", "amount": 100}""", "sales"), 404, "unknown");
    }

    @Test
    void everyApiNeedsValidCredentials() {
        Response anonymous = api.post("/api/events", "{\"type\": \"page_view\", \"anonymousId\": \"x\"}", null);
        assertProblem(anonymous, 401, "credentials");
        // a user of its own: Camunda throttles an account's logins after a wrong password
        String user = createUser();
        identity.createMembership(user, "marketing");
        assertThat(api.get("/api/contacts?email=a@b.c", user).status()).isEqualTo(200);
        Response wrongPassword = api.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(api.baseUrl() + "/api/contacts?email=a@b.c"))
                .header("Authorization", NurtureClient.basic(user, "wrong")).GET().build());
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/process-definition", null).status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/process-definition", "nobody").status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/process-definition?key=welcome", "demo").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health", null).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void expressionsInOrQueriesAreRefusedOnEngineRestAndTheWebappsApi() {
        String evil = """
                {"orQueries": [{"assigneeExpression": "${''.getClass().forName('java.lang.Runtime')}"}]}""";
        assertProblem(api.post("/engine-rest/task", evil, "demo"), 400, "orQueries");
        assertProblem(api.post("/engine-rest/filter/create", """
                {"resourceType": "Task", "name": "x", "query": %s}""".formatted(evil), "demo"), 400, "orQueries");
        assertProblem(api.post("/camunda/api/engine/engine/default/task", evil, "demo"), 400, "orQueries");

        Response plain = api.post("/engine-rest/task", """
                {"orQueries": [{"assignee": "sdr"}, {"candidateGroup": "sdr"}]}""", "demo");
        assertThat(plain.status()).isEqualTo(200);
    }

    @Test
    void anMqlWalksThroughSdrAndSalesToCustomer() {
        String email = unique("grace");
        String contactId = postEvent("""
                {"type": "demo_requested", "email": "%s",
                 "properties": {"firstName": "Grace", "lastName": "Hopper", "company": "Acme", "source": "demo-form"}}"""
                .formatted(email)).json().get("contactId").asText();
        assertThat(stageOf(contactId)).isEqualTo("MQL");
        assertThat(activeInstances("welcome", contactId)).isZero();

        JsonNode sdrTask = api.singleTask(contactId, "sdr");
        assertThat(sdrTask.get("name").asText()).isEqualTo("Qualify Grace Hopper (Acme)");
        assertThat(api.get("/engine-rest/task/" + sdrTask.get("id").asText() + "/form-variables", "sdr").json()
                .get("recentEvents").get("value").asText()).contains("demo_requested");
        assertThat(api.get("/engine-rest/task/" + sdrTask.get("id").asText() + "/deployed-form", "sdr").status())
                .isEqualTo(200);
        assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + contactId, "sales").json()).isEmpty();

        api.completeTask(sdrTask, "sdr", """
                {"outcome": {"value": "qualified"}}""");
        await().atMost(PATIENCE).until(() -> stageOf(contactId).equals("SQL"));

        JsonNode salesTask = api.singleTask(contactId, "sales");
        assertThat(salesTask.get("name").asText()).isEqualTo("Hand-off Grace Hopper (Acme)");
        api.completeTask(salesTask, "sales", """
                {"accepted": {"value": true}, "dealAmount": {"value": 25000}}""");
        await().atMost(PATIENCE).until(() -> stageOf(contactId).equals("OPPORTUNITY"));

        assertThat(api.post("/api/contacts/" + contactId + "/deal", """
                {"status": "won", "amount": 25000}""", "sales").status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> stageOf(contactId).equals("CUSTOMER"));

        JsonNode history = api.get("/api/contacts/" + contactId, "demo").json().get("stageHistory");
        List<String> moves = new ArrayList<>();
        history.forEach(row -> moves.add(row.get("to").asText() + " by " + row.get("actor").asText()));
        assertThat(moves).containsExactly("MQL by integration", "SQL by sdr", "OPPORTUNITY by sales", "CUSTOMER by sales");
        assertThat(activeInstances("lead-handoff", contactId)).isZero();
    }

    @Test
    void anMqlSentBackToNurtureIsRecycledAndCountsAsSecondMqlEntryLater() {
        String email = unique("linus");
        String contactId = postEvent("""
                {"type": "contact_us", "email": "%s", "properties": {"firstName": "Linus"}}"""
                .formatted(email)).json().get("contactId").asText();

        api.completeTask(api.singleTask(contactId, "sdr"), "sdr", """
                {"outcome": {"value": "nurture"}}""");
        await().atMost(PATIENCE).until(() -> stageOf(contactId).equals("LEAD"));

        JsonNode again = postEvent("""
                {"type": "product_inquiry", "email": "%s"}""".formatted(email)).json();
        assertThat(again.get("lifecycleStage").asText()).isEqualTo("MQL");
        JsonNode history = api.get("/api/contacts/" + contactId, "demo").json().get("stageHistory");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("to").asText()).isEqualTo("MQL");
        assertThat(last.get("entry").asInt()).isEqualTo(2);
        assertThat(api.singleTask(contactId, "sdr").get("name").asText()).startsWith("Qualify Linus");
    }

    @Test
    void anUnknownOrMissingOutcomeIsA400AndTheTaskStaysOpen() {
        String contactId = postEvent("""
                {"type": "contact_us", "email": "%s"}""".formatted(unique("undecided"))).json().get("contactId").asText();
        JsonNode task = api.singleTask(contactId, "sdr");
        String complete = "/engine-rest/task/" + task.get("id").asText() + "/complete";

        Response unknown = api.post(complete, "{\"variables\": {\"outcome\": {\"value\": \"maybe\"}}}", "sdr");
        Response missing = api.post(complete, "{}", "sdr");

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("outcome == 'qualified'");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(api.singleTask(contactId, "sdr").get("id").asText()).isEqualTo(task.get("id").asText());
        assertThat(stageOf(contactId)).isEqualTo("MQL");
    }

    @Test
    void aDisqualifiedLeadIsFlagged() {
        String contactId = postEvent("""
                {"type": "demo_requested", "email": "%s"}""".formatted(unique("spam"))).json().get("contactId").asText();

        api.completeTask(api.singleTask(contactId, "sdr"), "sdr", """
                {"outcome": {"value": "disqualified"}}""");

        await().atMost(PATIENCE).until(() -> api.get("/api/contacts/" + contactId, "demo").json()
                .get("disqualified").asBoolean());
        JsonNode contact = api.get("/api/contacts/" + contactId, "demo").json();
        assertThat(contact.get("disqualifiedReason").asText()).isEqualTo("Disqualified by SDR");
        assertThat(contact.get("lifecycleStage").asText()).isEqualTo("MQL");
    }

    @Test
    void aLeadThatBecomesMqlLeavesTheWelcomeSeries() {
        String email = unique("exit");
        String contactId = postEvent("""
                {"type": "webinar_registered", "email": "%s"}""".formatted(email)).json().get("contactId").asText();
        assertThat(activeInstances("welcome", contactId)).isEqualTo(1);

        Response mql = postEvent("""
                {"type": "demo_requested", "email": "%s"}""".formatted(email));

        assertThat(mql.status()).isEqualTo(202);
        assertThat(activeInstances("welcome", contactId)).isZero();
        assertThat(activeInstances("lead-handoff", contactId)).isEqualTo(1);
    }

    @Test
    void erasureRemovesTheContactAndItsProcessHistory() {
        String email = unique("erase");
        String contactId = postEvent("""
                {"type": "form_submitted", "email": "%s"}""".formatted(email)).json().get("contactId").asText();
        assertThat(activeInstances("welcome", contactId)).isEqualTo(1);

        assertThat(api.delete("/api/contacts/" + contactId, "demo").status()).isEqualTo(204);

        assertProblem(api.get("/api/contacts/" + contactId, "demo"), 404, contactId);
        assertThat(api.get("/api/contacts?email=" + email, "demo").json()).isEmpty();
        assertThat(activeInstances("welcome", contactId)).isZero();
        assertThat(api.get("/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + contactId,
                "demo").json().get("count").asLong()).isZero();
        assertProblem(api.delete("/api/contacts/" + contactId, "demo"), 404, contactId);
    }

    @Test
    void tasklistIsReadyForEachTeamOnFirstLogin() {
        List<String> sdrFilters = names(api.get("/engine-rest/filter", "sdr").json());
        assertThat(sdrFilters).contains("Leads to qualify", "My tasks").doesNotContain("Hand-offs", "All tasks");
        List<String> salesFilters = names(api.get("/engine-rest/filter", "sales").json());
        assertThat(salesFilters).contains("Hand-offs", "My tasks").doesNotContain("Leads to qualify");
        assertThat(names(api.get("/engine-rest/filter", "demo").json())).contains("All tasks");

        String contactId = postEvent("""
                {"type": "product_inquiry", "email": "%s", "properties": {"firstName": "Card", "company": "Acme"}}"""
                .formatted(unique("card"))).json().get("contactId").asText();
        String leads = filterId(api.get("/engine-rest/filter", "sdr").json(), "Leads to qualify");
        JsonNode cards = api.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(api.baseUrl() + "/engine-rest/filter/" + leads + "/list"))
                .header("Authorization", NurtureClient.basic("sdr", "sdr"))
                .header("Content-Type", "application/json").header("Accept", "application/hal+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"processInstanceBusinessKey\": \"" + contactId + "\"}"))
                .build()).json();
        List<String> shownOnCard = new ArrayList<>();
        cards.get("_embedded").get("task").get(0).get("_embedded").get("variable")
                .forEach(variable -> shownOnCard.add(variable.get("name").asText() + "=" + variable.get("value").asText()));
        assertThat(shownOnCard).contains("contactName=Card", "company=Acme");

        assertThat(api.get("/camunda/app/tasklist/default/", null).status()).isEqualTo(200);
        Response login = new NurtureClient(port).webappLogin("tasklist", "sdr", "sdr");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("authorizedApps").toString()).contains("tasklist");
        Response wrong = new NurtureClient(port).webappLogin("tasklist", createUser(), "wrong");
        assertThat(wrong.status()).isEqualTo(401);
        Response marketerInCockpit = new NurtureClient(port).webappLogin("cockpit", "marketer", "marketer");
        assertThat(marketerInCockpit.status()).as(marketerInCockpit.body()).isEqualTo(200);
        assertThat(new NurtureClient(port).webappLogin("cockpit", "sdr", "sdr").status()).isIn(401, 403);
    }

    /** A new user whose password equals its id. */
    private String createUser() {
        String id = "user" + UUID.randomUUID().toString().substring(0, 8);
        Response created = api.post("/engine-rest/user/create", """
                {"profile": {"id": "%s", "firstName": "Test", "lastName": "User"}, "credentials": {"password": "%s"}}"""
                .formatted(id, id), "demo");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        return id;
    }

    private Response postEvent(String json) {
        return api.post("/api/events", json, "integration");
    }

    private String stageOf(String contactId) {
        return api.get("/api/contacts/" + contactId, "demo").json().get("lifecycleStage").asText();
    }

    private long activeInstances(String processKey, String contactId) {
        return api.get("/engine-rest/process-instance/count?processDefinitionKey=" + processKey + "&businessKey="
                + contactId, "demo").json().get("count").asLong();
    }


    private static String filterId(JsonNode filters, String name) {
        for (JsonNode filter : filters) {
            if (filter.get("name").asText().equals(name)) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError("no filter " + name);
    }

    private static List<String> names(JsonNode filters) {
        List<String> names = new ArrayList<>();
        filters.forEach(filter -> names.add(filter.get("name").asText()));
        return names;
    }

    private static void assertProblem(Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).containsIgnoringCase(detailContains);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
