package io.nurture.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.AbstractMailingIT;
import io.nurture.Mailbox;
import io.nurture.NurtureClient.Response;

/**
 * The campaigns in the real app: who enters which, how events move them, the daily scans, and that concurrent events
 * change a waiting campaign once.
 */
class CampaignsIT extends AbstractMailingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);


    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DateTriggers dateTriggers;

    @Test
    void aRecycledLeadEntersDripAndAClickThereCountsOnceHoweverManyArriveAtOnce() throws Exception {
        String email = unique("recycled");
        String contactId = event("form_submitted", email, "\"firstName\": \"Rae\"");
        event("demo_requested", email, null);
        assertThat(passed(contactId, "welcome", "EndEvent_GoalQualified")).isTrue();
        var sdrTask = await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(contactId)
                .singleResult(), task -> task != null);
        tasks.complete(sdrTask.getId(), java.util.Map.of("outcome", "nurture"));

        ProcessInstance drip = await().atMost(PATIENCE).until(() -> instance("drip", contactId),
                instance -> instance != null);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(contactId).count()).isZero();
        await().atMost(PATIENCE).until(() -> isAt(drip, "Gateway_Biz1Clicked"));

        String deliveryId = jdbc.sql("SELECT id FROM delivery WHERE contact_id = ? AND step = 'Task_SendBiz1'")
                .param(contactId).query(String.class).single();
        int before = contact(contactId).get("behaviourScore").asInt();
        List<Response> clicks = concurrently(6, () -> api.post("/api/events", """
                {"type": "email_clicked", "contactId": "%s",
                 "properties": {"deliveryId": "%s", "campaign": "drip", "step": "Task_SendBiz1",
                                "url": "https://nurture.example/guides/cold-leads"}}""".formatted(contactId, deliveryId),
                "demo"));

        assertThat(clicks).allSatisfy(click -> assertThat(click.status()).as(click.body()).isEqualTo(202));
        await().atMost(PATIENCE).until(() -> isAt(drip, "Gateway_Biz2Clicked"));
        // a late copy of the same click must not count for the next article
        event("email_clicked", null, "\"deliveryId\": \"" + deliveryId + "\", \"step\": \"Task_SendBiz1\"", contactId);
        assertThat(isAt(drip, "Gateway_Biz2Clicked")).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE contact_id = ? AND step = 'Task_SendBiz1DeepDive'")
                .param(contactId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT reason FROM score_history WHERE contact_id = ? AND reason LIKE 'drip/%'")
                .param(contactId).query(String.class).list())
                .containsExactly("drip/Task_ScoreBiz1Click: drip click Biz1");
        // six clicked events were stored, and the step's +5 came once on top of their points
        assertThat(contact(contactId).get("behaviourScore").asInt()).isGreaterThanOrEqualTo(before + 5);

        JsonNode split = api.get("/api/campaigns/drip/splits", "demo").json();
        assertThat(split.toString()).contains("\"splitId\":\"intro-subject\"");
        assertThat(jdbc.sql("SELECT variant FROM delivery WHERE contact_id = ? AND step LIKE 'Task_SendIntro%'")
                .param(contactId).query(String.class).single()).isIn("A", "B");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE contact_id = ? AND step = 'Task_SendBiz1' "
                + "AND variant IS NULL").param(contactId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void pointsFromADripStepThatCrossTheThresholdMakeAnMqlAndEndTheDrip() {
        String email = unique("crossing");
        String contactId = event("form_submitted", email,
                "\"firstName\": \"Cy\", \"industry\": \"saas\", \"companySize\": 250");
        event("demo_requested", email, null);
        var sdrTask = await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(contactId)
                .singleResult(), task -> task != null);
        tasks.complete(sdrTask.getId(), java.util.Map.of("outcome", "nurture"));
        ProcessInstance drip = await().atMost(PATIENCE).until(() -> instance("drip", contactId),
                instance -> instance != null);
        await().atMost(PATIENCE).until(() -> isAt(drip, "Gateway_Biz1Clicked"));
        // a lead at 53: the click itself (+3) stays below the threshold of 60, the drip's click step (+5) crosses it
        int fit = contact(contactId).get("fitScore").asInt();
        assertThat(fit).isGreaterThanOrEqualTo(10);
        jdbc.sql("UPDATE contact SET behaviour_score = ? WHERE id = ?").params(53 - fit, contactId).update();
        String deliveryId = jdbc.sql("SELECT id FROM delivery WHERE contact_id = ? AND step = 'Task_SendBiz1'")
                .param(contactId).query(String.class).single();

        event("email_clicked", null, "\"deliveryId\": \"" + deliveryId + "\"", contactId);

        await().atMost(PATIENCE).until(() -> contact(contactId).get("lifecycleStage").asText().equals("MQL"));
        assertThat(jdbc.sql("""
                SELECT reason || ' by ' || actor FROM stage_transition
                WHERE contact_id = ? AND to_stage = 'MQL' AND entry = 2""").param(contactId).query(String.class)
                .single()).isEqualTo("Score 61 (fit " + fit + ") reached the MQL threshold by drip/Task_ScoreBiz1Click");
        await().atMost(PATIENCE).until(() -> instance("drip", contactId) == null);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(drip.getId()).singleResult()
                .getEndActivityId()).startsWith("SubProcess_Goal");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("lead-handoff")
                .processInstanceBusinessKey(contactId).count()).isEqualTo(1);
    }

    @Test
    void dormantLeadsGetOneWinBackSeriesAndTheSilentAreSunset() {
        String silent = dormantLead("silent");
        String engaged = dormantLead("engaged");

        runDailyScans();
        runDailyScans();

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("re-engagement")
                .processInstanceBusinessKey(silent).count()).isEqualTo(1);
        ProcessInstance winBack = instance("re-engagement", engaged);
        await().atMost(PATIENCE).until(() -> isAt(winBack, "Gateway_Engaged1"));
        event("email_opened", null, null, engaged);
        await().atMost(PATIENCE).until(() -> instance("drip", engaged) != null);
        assertThat(passed(engaged, "re-engagement", "EndEvent_GoalReEngaged")).isTrue();

        ProcessInstance lastChance = instance("re-engagement", silent);
        while (instance("re-engagement", silent) != null) {
            fireNextTimer(lastChance);
        }
        assertThat(passed(silent, "re-engagement", "EndEvent_ExitSunset")).isTrue();
        JsonNode contact = contact(silent);
        assertThat(contact.get("marketingStatus").asText()).isEqualTo("sunset");
        assertThat(passed(silent, "welcome", "EndEvent_ExitSuppressed")).isTrue();
        assertThat(jdbc.sql("SELECT template FROM delivery WHERE contact_id = ? AND campaign = 're-engagement'")
                .param(silent).query(String.class).list()).containsExactlyInAnyOrder("winback-1", "winback-2",
                        "winback-3");
    }

    @Test
    void aBirthdayAndARenewalFireOncePerDate() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String email = unique("bo");
        String contactId = event("form_submitted", email, """
                "firstName": "Bo", "dates": {"birthday": "%s", "contractRenewal": "%s"}"""
                .formatted(today.minusYears(30), today.plusDays(30)));

        int first = dateTriggers.fire(today);
        int again = dateTriggers.fire(today);

        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(again).isZero();
        await().atMost(PATIENCE).until(() -> mailsWithSubject(email, "Happy birthday, Bo!") == 1);
        await().atMost(PATIENCE).until(() -> instance("date-triggered", contactId) == null);
        // the renewal waited for the birthday's instance and fires on the next run
        assertThat(dateTriggers.fire(today)).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> mailsWithSubject(email, "Your contract renews soon") == 1);
        assertThat(dateTriggers.fire(today.plusDays(1))).isZero();
    }

    @Test
    void anAbandonedCartGetsRemindersUntilThePurchase() {
        String email = unique("cart");
        String contactId = event("form_submitted", email, null);
        event("cart_abandoned", email, "\"cartUrl\": \"https://shop.example/cart/42\"");
        event("cart_abandoned", email, "\"cartUrl\": \"https://shop.example/cart/42\"");
        ProcessInstance cart = instance("cart-abandonment", contactId);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("cart-abandonment")
                .processInstanceBusinessKey(contactId).count()).isEqualTo(1);

        fireNextTimer(cart);
        await().atMost(PATIENCE).until(() -> mailsWithSubject(email, "You left something in your cart") == 1);
        event("purchase", email, null);

        assertThat(passed(contactId, "cart-abandonment", "EndEvent_GoalPurchased")).isTrue();
        assertThat(instance("cart-abandonment", contactId)).isNull();
    }

    @Test
    void aDisqualifiedContactLeavesItsRunningCampaigns() {
        String email = unique("spammer");
        String contactId = event("form_submitted", email, null);
        event("cart_abandoned", email, "\"cartUrl\": \"https://shop.example/cart/7\"");
        event("demo_requested", email, null);
        var sdrTask = await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(contactId)
                .singleResult(), task -> task != null);

        tasks.complete(sdrTask.getId(), java.util.Map.of("outcome", "disqualified"));

        await().atMost(PATIENCE).until(() -> instance("cart-abandonment", contactId) == null);
        assertThat(passed(contactId, "cart-abandonment", "EndEvent_ExitSuppressed")).isTrue();
        assertThat(contact(contactId).get("disqualified").asBoolean()).isTrue();
    }

    @Test
    void theCampaignReportCountsWhatARealWelcomeRunDid() {
        JsonNode before = welcomeReport();
        String email = unique("reported");
        String contactId = event("form_submitted", email, null);
        String deliveryId = await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT id FROM delivery WHERE contact_id = ? "
                + "AND campaign = 'welcome' AND status = 'SENT'").param(contactId).query(String.class).optional(),
                java.util.Optional::isPresent).get();
        event("email_opened", null, "\"deliveryId\": \"" + deliveryId + "\"", contactId);
        event("demo_requested", email, null);
        assertThat(passed(contactId, "welcome", "EndEvent_GoalQualified")).isTrue();

        JsonNode after = welcomeReport();

        assertThat(after.get("enrolled").asLong() - before.get("enrolled").asLong()).isEqualTo(1);
        assertThat(after.get("exitedOnGoal").asLong() - before.get("exitedOnGoal").asLong()).isEqualTo(1);
        assertThat(after.get("convertedToMql").asLong() - before.get("convertedToMql").asLong()).isEqualTo(1);
        assertThat(after.at("/sends/sent").asLong() - before.at("/sends/sent").asLong()).isEqualTo(1);
        assertThat(after.at("/sends/opened").asLong() - before.at("/sends/opened").asLong()).isEqualTo(1);
    }

    private JsonNode welcomeReport() {
        Response report = api.get("/api/reports/campaigns", "demo");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        for (JsonNode campaign : report.json().get("campaigns")) {
            if (campaign.get("campaign").asText().equals("welcome")) {
                return campaign;
            }
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("enrolled", 0)
                .put("exitedOnGoal", 0).put("convertedToMql", 0)
                .set("sends", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("sent", 0)
                        .put("opened", 0));
    }

    // --- helpers

    private String dormantLead(String name) {
        String email = unique(name);
        String contactId = event("form_submitted", email, null);
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT COUNT(*) FROM delivery WHERE contact_id = ? "
                + "AND status = 'SENT'").param(contactId).query(Long.class).single() == 1);
        jdbc.sql("UPDATE contact SET created_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(120))), contactId).update();
        return contactId;
    }

    private void runDailyScans() {
        Job timer = management.createJobQuery().processDefinitionKey("daily-scans").timers().singleResult();
        management.executeJob(timer.getId());
        await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processDefinitionKey("daily-scans")
                .count() == 0);
    }

    /** Lets the job executor run the due sends, then fires the instance's next timer at once. */
    private void fireNextTimer(ProcessInstance instance) {
        await().atMost(PATIENCE).until(() -> management.createJobQuery().processInstanceId(instance.getId())
                .messages().count() == 0);
        management.createJobQuery().processInstanceId(instance.getId()).timers().orderByJobDuedate().asc().list()
                .stream().findFirst().ifPresent(timer -> management.executeJob(timer.getId()));
    }

    private String event(String type, String email, String properties) {
        return event(type, email, properties, null);
    }

    private String event(String type, String email, String properties, String contactId) {
        String identity = email != null ? "\"email\": \"" + email + "\"" : "\"contactId\": \"" + contactId + "\"";
        Response response = api.post("/api/events", """
                {"type": "%s", %s, "properties": {%s}}""".formatted(type, identity,
                properties == null ? "" : properties), "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    private JsonNode contact(String contactId) {
        return api.get("/api/contacts/" + contactId, "demo").json();
    }

    private ProcessInstance instance(String key, String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(contactId)
                .singleResult();
    }

    private boolean isAt(ProcessInstance instance, String activityId) {
        return runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(activityId).count() > 0;
    }

    private boolean passed(String contactId, String key, String activityId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(contactId).list().stream()
                .anyMatch(instance -> history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId()).activityId(activityId).count() > 0);
    }

    private static long mailsWithSubject(String email, String subject) {
        return Mailbox.withSubject(smtp.getReceivedMessages(), email, subject);
    }

    private static <T> List<T> concurrently(int threads, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
