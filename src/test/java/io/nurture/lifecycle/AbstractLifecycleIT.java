package io.nurture.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;
import io.nurture.contact.Contact;
import io.nurture.contact.ContactProfile;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.ScoreUpdate;

/**
 * The lifecycle engine through the HTTP API and the running engine: DMN scores, MQL by score and by routing, the SDR
 * SLA, recycling, decay, identity merge, evangelists, and many events for one contact at the same moment. Run once
 * per database.
 */
@InboxAppTest
abstract class AbstractLifecycleIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** industry software (15) + 250 employees (15) + DE (5) in fit-score.dmn */
    private static final String GOOD_FIT = """
            "industry": "software", "companySize": 250, "country": "DE\"""";

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RepositoryService repository;

    @Autowired
    ContactRepository contacts;

    @Autowired
    TransactionTemplate transaction;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void behaviourAndFitScoresAreBothOnTheContactWithEveryChangeInTheHistory() {
        JsonNode lead = event("form_submitted", unique("fit"), """
                {"firstName": "Fay", %s, "revenue": 20000000, "techStack": ["Postgres", "AWS"],
                 "funding": "Seed"}""".formatted(GOOD_FIT));

        assertThat(lead.get("lifecycleStage").asText()).isEqualTo("LEAD");
        JsonNode contact = contact(lead.get("contactId").asText());
        assertThat(contact.get("behaviourScore").asInt()).isEqualTo(10);
        assertThat(contact.get("fitScore").asInt()).isEqualTo(35 + 10);
        assertThat(contact.get("score").asInt()).isEqualTo(55);
        assertThat(contact.get("revenue").asLong()).isEqualTo(20_000_000L);
        assertThat(contact.get("techStack").asText()).isEqualTo("postgres,aws");
        assertThat(contact.get("funding").asText()).isEqualTo("seed");
        assertThat(scoreHistory(lead.get("contactId").asText())).containsExactly(
                "behaviour +10 = 10 (event form_submitted)", "fit +45 = 55 (profile after event form_submitted)");

        Response badRevenue = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "properties": {"revenue": "lots"}}"""
                .formatted(unique("bad")), "integration");
        assertThat(badRevenue.status()).isEqualTo(400);
        assertThat(badRevenue.json().get("detail").asText()).contains("revenue");
    }

    @Test
    void theContactModuleAnswersEachChangeAsItStoredIt() {
        String contactId = event("form_submitted", unique("stored"), """
                {"firstName": "Sid", "source": "webinar", %s, "consent": {"email": true}}""".formatted(GOOD_FIT))
                .get("contactId").asText();
        ContactProfile change = new ContactProfile(null, "Stone", "Acme", null, 40, null, "ads", "+4915112345678",
                null, false, 5_000_000L, "aws", null);

        transaction.executeWithoutResult(status -> {
            Contact changed = contacts.updateProfile(contacts.lockById(contactId), change);
            assertThat(changed).isEqualTo(contacts.getById(contactId));
            assertThat(changed.source()).as("a contact keeps its first source").isEqualTo("webinar");
            assertThat(contacts.addBehaviour(contactId, -1000)).as("never below zero")
                    .isEqualTo(new ScoreUpdate(-changed.behaviourScore(), changed.fitScore()));
            assertThat(contacts.setFit(contactId, changed.fitScore() + 7))
                    .isEqualTo(new ScoreUpdate(7, changed.fitScore() + 7));
            assertThat(contacts.getById(contactId).score()).isEqualTo(changed.fitScore() + 7);
            status.setRollbackOnly();
        });
    }

    @Test
    void aHandRaiserGoesStraightToAnSdrWithTheRoutingOnTheTask() {
        String contactId = event("demo_requested", unique("raiser"), "{\"firstName\": \"Rae\"}").get("contactId")
                .asText();
        String paidSearch = event("form_submitted", unique("ppc"), "{\"source\": \"paid-search\"}")
                .get("contactId").asText();

        JsonNode task = api.singleTask(contactId, "sdr");
        assertThat(task.get("priority").asInt()).isEqualTo(90);
        assertThat(task.get("due").isNull()).isFalse();
        JsonNode form = api.get("/engine-rest/task/" + task.get("id").asText() + "/form-variables", "sdr").json();
        assertThat(form.get("routing").get("value").asText()).isEqualTo("Straight to an SDR");
        assertThat(form.get("routingReason").get("value").asText()).isEqualTo("Demo request: straight to an SDR");
        assertThat(lastMove(contactId)).isEqualTo("MQL #1: Demo request: straight to an SDR");
        assertThat(api.singleTask(paidSearch, "sdr").get("priority").asInt()).isEqualTo(70);
        assertThat(lastMove(paidSearch)).isEqualTo("MQL #1: Paid-search sign-up: straight to an SDR");

        String adClick = unique("adclick");
        String adClickId = event("page_view", adClick, "{\"source\": \"paid-search\"}").get("contactId").asText();
        assertThat(stageOf(adClickId)).isEqualTo("LEAD");
        assertThat(event("form_submitted", adClick, null).get("lifecycleStage").asText())
                .as("routed by the source the lead came with").isEqualTo("MQL");
    }

    @Test
    void aNurturedLeadBecomesMqlWhenItsScoreCrossesTheThresholdAndAPoorFitDoesNot() {
        String email = unique("nurtured");
        String contactId = event("content_downloaded", email, "{%s}".formatted(GOOD_FIT)).get("contactId").asText();
        event("pricing_page_view", email, null);
        assertThat(stageOf(contactId)).isEqualTo("LEAD"); // 8 + 10 + fit 35 = 53

        JsonNode crossed = event("webinar_attended", email, "{\"minutes\": 10}"); // +15 = 68

        assertThat(crossed.get("lifecycleStage").asText()).isEqualTo("MQL");
        assertThat(lastMove(contactId)).isEqualTo("MQL #1: Score 68 (fit 35) reached the MQL threshold");
        JsonNode task = api.singleTask(contactId, "sdr");
        assertThat(task.get("priority").asInt()).isEqualTo(50);
        assertThat(api.get("/engine-rest/task/" + task.get("id").asText() + "/form-variables", "sdr").json()
                .get("routing").get("value").asText()).isEqualTo("Nurtured to the threshold");

        String busyReader = unique("reader");
        String readerId = event("content_downloaded", busyReader, null).get("contactId").asText();
        for (int i = 0; i < 6; i++) {
            event("pricing_page_view", busyReader, null);
        }
        assertThat(contact(readerId).get("score").asInt()).isEqualTo(68);
        assertThat(stageOf(readerId)).as("fit 0 is below the minimum fit").isEqualTo("LEAD");
    }

    @Test
    void manyEventsCrossingTheThresholdAtOnceAllCountAndStartOneHandoff() throws Exception {
        String email = unique("rush");
        String contactId = event("form_submitted", email, "{%s}".formatted(GOOD_FIT)).get("contactId").asText();

        List<Response> responses = concurrently(12, i -> """
                {"type": "pricing_page_view", "email": "%s"}""".formatted(email));

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.body())
                .isEqualTo(202));
        JsonNode contact = contact(contactId);
        assertThat(contact.get("behaviourScore").asInt()).isEqualTo(10 + 12 * 10);
        List<String> mqlEntries = new ArrayList<>();
        contact.get("stageHistory").forEach(row -> {
            if (row.get("to").asText().equals("MQL")) {
                mqlEntries.add(row.get("reason").asText());
            }
        });
        assertThat(mqlEntries).hasSize(1);
        assertThat(instances("lead-handoff", contactId)).isEqualTo(1);
        assertThat(scoreHistory(contactId)).filteredOn(row -> row.startsWith("behaviour")).hasSize(13);
    }

    @Test
    void oneEmailWithManyAnonymousIdsAtOnceIsOneContact() throws Exception {
        String email = unique("devices");
        List<String> anonymousIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            anonymousIds.add("anon-" + UUID.randomUUID());
        }

        List<Response> responses = concurrently(8, i -> """
                {"type": "newsletter_subscribed", "email": "%s", "anonymousId": "%s"}"""
                .formatted(email, anonymousIds.get(i)));

        assertThat(responses).extracting(response -> response.json().get("contactId").asText())
                .containsOnly(responses.get(0).json().get("contactId").asText());
        String contactId = responses.get(0).json().get("contactId").asText();
        for (String anonymousId : anonymousIds) {
            assertThat(api.post("/api/events", """
                    {"type": "page_view", "anonymousId": "%s"}""".formatted(anonymousId), "integration").json()
                    .get("contactId").asText()).isEqualTo(contactId);
        }
        assertThat(contact(contactId).get("behaviourScore").asInt()).isEqualTo(8 * 5 + 8 + 6 * 2);
    }

    @Test
    void aVisitorsHistoryFollowsThemIntoTheirContactAndTwoDevicesMerge() {
        String laptop = "anon-" + UUID.randomUUID();
        String phone = "anon-" + UUID.randomUUID();
        String laptopVisitor = anonymous("page_view", laptop).get("contactId").asText();
        anonymous("page_view", laptop);
        String phoneVisitor = anonymous("pricing_page_view", phone).get("contactId").asText();
        String email = unique("merge");

        JsonNode known = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "anonymousId": "%s"}""".formatted(email, laptop),
                "integration").json();
        assertThat(known.get("contactId").asText()).isEqualTo(laptopVisitor);
        assertThat(known.get("score").asInt()).isEqualTo(1 + 1 + 10);

        JsonNode merged = api.post("/api/events", """
                {"type": "page_view", "email": "%s", "anonymousId": "%s"}""".formatted(email, phone), "integration")
                .json();

        assertThat(merged.get("contactId").asText()).isEqualTo(laptopVisitor);
        assertThat(merged.get("score").asInt()).isEqualTo(12 + 10 + 3); // + the phone's pricing view + a 3rd visit
        assertThat(api.get("/api/contacts/" + phoneVisitor, "demo").status()).isEqualTo(404);
        assertThat(api.get("/api/contacts?email=" + email, "demo").json()).hasSize(1);
        assertThat(scoreHistory(laptopVisitor)).contains("behaviour +10 = 10 (event pricing_page_view)",
                "behaviour +10 = 22 (Merged the history of an anonymous visitor)");
        assertThat(anonymous("page_view", phone).get("contactId").asText()).isEqualTo(laptopVisitor);
    }

    @Test
    void sendingAnMqlBackToNurtureCostsPointsAndRequalifyingIsMqlEntryTwo() {
        String email = unique("recycled");
        String contactId = event("form_submitted", email, "{%s}".formatted(GOOD_FIT)).get("contactId").asText();
        event("pricing_page_view", email, null);
        event("pricing_page_view", email, null); // 10 + 20 + 35 = 65: MQL

        api.completeTask(api.singleTask(contactId, "sdr"), "sdr", "{\"outcome\": {\"value\": \"nurture\"}}");
        await().atMost(PATIENCE).until(() -> stageOf(contactId).equals("LEAD"));

        assertThat(lastMove(contactId)).isEqualTo("LEAD #2: Sent back to nurture by SDR");
        assertThat(scoreHistory(contactId)).contains("penalty -20 = 45 (Recycled: Sent back to nurture by SDR)");
        assertThat(event("pricing_page_view", email, null).get("lifecycleStage").asText()).isEqualTo("LEAD");
        assertThat(event("pricing_page_view", email, null).get("lifecycleStage").asText()).isEqualTo("MQL");
        assertThat(lastMove(contactId)).startsWith("MQL #2: Score 65");
        await().atMost(PATIENCE).until(() -> instances("lead-handoff", contactId) == 1);
    }

    @Test
    void anSdrTaskPastItsDueDateRemindsTheSdrsAndEscalatesToTheSdrLeads() {
        String contactId = event("product_inquiry", unique("sla"), "{\"firstName\": \"Sal\"}").get("contactId")
                .asText();
        JsonNode task = api.singleTask(contactId, "sdr");
        assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + contactId, "sdrlead").json()).isEmpty();

        management.executeJob(timer(contactId, "Timer_SdrSlaDue").getId()); // as the job executor will when due

        await().atMost(PATIENCE).until(() -> api.get("/engine-rest/task?processInstanceBusinessKey=" + contactId,
                "sdrlead").json().size() == 1);
        assertThat(api.get("/engine-rest/filter", "sdrlead").json().findValuesAsText("name"))
                .contains("Escalated leads").doesNotContain("Leads to qualify");
        assertThat(api.get("/engine-rest/filter", "success").json().findValuesAsText("name"))
                .contains("Unhappy customers");
        JsonNode escalated = api.get("/engine-rest/task/" + task.get("id").asText(), "sdrlead").json();
        assertThat(escalated.get("priority").asInt()).isEqualTo(90);
        await().atMost(PATIENCE).until(() -> inbox().stream().anyMatch(mail -> mail.get("to").asText()
                .contains("sdr@nurture.example") && mail.get("subject").asText().equals("Lead waiting: Sal")));

        api.post("/engine-rest/task/" + task.get("id").asText() + "/claim", "{\"userId\": \"sdr\"}", "sdr");
        management.executeJob(timer(contactId, "Timer_ReturnToPool").getId());
        await().atMost(PATIENCE).until(() -> api.get("/engine-rest/task/" + task.get("id").asText(), "demo").json()
                .get("assignee").isNull());
    }

    @Test
    void inactiveContactsLoseAQuarterOfTheirBehaviourScoreInTheNightlyRun() {
        String idle = event("webinar_attended", unique("idle"), null).get("contactId").asText(); // 15
        String active = event("webinar_attended", unique("active"), null).get("contactId").asText();
        jdbc.sql("UPDATE contact SET last_engaged_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(31))), idle).update();

        runNightlyDecay();

        await().atMost(PATIENCE).until(() -> contact(idle).get("behaviourScore").asInt() == 11);
        assertThat(scoreHistory(idle)).last().isEqualTo("decay -4 = 11 (No engagement for 30 days: 25% off)");
        assertThat(contact(active).get("behaviourScore").asInt()).isEqualTo(15);
        String runs = "/engine-rest/history/process-instance/count?processDefinitionKey=score-decay&finished=true";
        await().atMost(PATIENCE).until(() -> api.get(runs, "demo").json().get("count").asInt() >= 1);

        runNightlyDecay(); // the same night again: the period has not passed since the last decay
        await().atMost(PATIENCE).until(() -> api.get(runs, "demo").json().get("count").asInt() >= 2);
        assertThat(contact(idle).get("behaviourScore").asInt()).isEqualTo(11);
    }

    @Test
    void aCustomersNpsAnswerOrReferralMakesAnEvangelistAndADetractorACallTask() {
        String promoter = unique("promoter");
        String promoterId = event("purchase", promoter, "{\"firstName\": \"Pia\"}").get("contactId").asText();
        assertThat(instances("customer-advocacy", promoterId)).isEqualTo(1);
        event("nps_submitted", promoter, "{\"score\": 10}");
        await().atMost(PATIENCE).until(() -> stageOf(promoterId).equals("EVANGELIST"));
        assertThat(lastMove(promoterId)).isEqualTo("EVANGELIST #1: Promoter: NPS 9 or 10");

        String detractor = unique("detractor");
        String detractorId = event("purchase", detractor, "{\"firstName\": \"Dan\"}").get("contactId").asText();
        event("nps_submitted", detractor, "{\"score\": 3, \"comment\": \"too slow\"}");
        JsonNode call = api.singleTask(detractorId, "success");
        assertThat(call.get("name").asText()).isEqualTo("Call back Dan (NPS 3)");
        assertThat(stageOf(detractorId)).isEqualTo("CUSTOMER");

        String referrer = unique("referrer");
        String referrerId = event("purchase", referrer, null).get("contactId").asText();
        assertThat(event("referral_made", referrer, null).get("lifecycleStage").asText()).isEqualTo("EVANGELIST");
        assertThat(event("referral_made", unique("lead"), null).get("lifecycleStage").asText()).isEqualTo("LEAD");
        assertThat(stageOf(referrerId)).isEqualTo("EVANGELIST");

        Response outOfRange = api.post("/api/events", """
                {"type": "nps_submitted", "email": "%s", "properties": {"score": 11}}""".formatted(promoter),
                "integration");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().get("detail").asText()).contains("0 to 10");
    }

    @Test
    void aRedeployedBehaviourTableScoresTheNextEventWithoutACodeChange() throws IOException {
        String original = new String(new ClassPathResource("processes/behaviour-score.dmn").getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        String pageViewWorthOne = """
                <outputEntry id="Rule_PageView_Points">
                          <text>1</text>""";
        assertThat(original).contains(pageViewWorthOne);
        assertThat(anonymous("page_view", "anon-" + UUID.randomUUID()).get("score").asInt()).isEqualTo(1);
        try {
            deploy(original.replace(pageViewWorthOne, pageViewWorthOne.replace(">1<", ">7<")));

            assertThat(anonymous("page_view", "anon-" + UUID.randomUUID()).get("score").asInt()).isEqualTo(7);
        } finally {
            deploy(original);
        }
        assertThat(anonymous("page_view", "anon-" + UUID.randomUUID()).get("score").asInt()).isEqualTo(1);
    }

    /** What Modeler's deploy button does through /engine-rest/deployment/create. */
    private void deploy(String behaviourTable) {
        repository.createDeployment().name("from-modeler").addString("behaviour-score.dmn", behaviourTable).deploy();
    }

    private void runNightlyDecay() {
        Job nightly = management.createJobQuery().processDefinitionKey("score-decay").timers().singleResult();
        management.executeJob(nightly.getId());
    }

    private Job timer(String contactId, String activityId) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("lead-handoff")
                .processInstanceBusinessKey(contactId).singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
    }

    private List<Response> concurrently(int threads, Function<Integer, String> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String json = body.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return api.post("/api/events", json, "integration");
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return responses;
    }

    private JsonNode event(String type, String email, String properties) {
        Response response = api.post("/api/events", """
                {"type": "%s", "email": "%s", "properties": %s}""".formatted(type, email,
                properties == null ? "{}" : properties), "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    private JsonNode anonymous(String type, String anonymousId) {
        return api.post("/api/events", """
                {"type": "%s", "anonymousId": "%s"}""".formatted(type, anonymousId), "integration").json();
    }

    private JsonNode contact(String contactId) {
        return api.get("/api/contacts/" + contactId, "demo").json();
    }

    private String stageOf(String contactId) {
        return contact(contactId).get("lifecycleStage").asText();
    }

    private String lastMove(String contactId) {
        JsonNode history = contact(contactId).get("stageHistory");
        JsonNode last = history.get(history.size() - 1);
        return last.get("to").asText() + " #" + last.get("entry").asInt() + ": " + last.get("reason").asText();
    }

    private List<String> scoreHistory(String contactId) {
        List<String> rows = new ArrayList<>();
        api.get("/api/contacts/" + contactId + "/score-history", "demo").json().forEach(row -> rows.add(
                row.get("component").asText() + " " + (row.get("delta").asInt() > 0 ? "+" : "")
                        + row.get("delta").asInt() + " = " + row.get("scoreAfter").asInt() + " ("
                        + row.get("reason").asText() + ")"));
        return rows;
    }

    private List<JsonNode> inbox() {
        List<JsonNode> mails = new ArrayList<>();
        api.get("/api/inbox", "demo").json().forEach(mails::add);
        return mails;
    }

    private long instances(String processKey, String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(contactId).count();
    }


    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
