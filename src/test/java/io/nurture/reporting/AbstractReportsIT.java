package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.NurtureClient.Response;
import io.nurture.NurtureClient;
import io.nurture.contact.LifecycleStage;
import io.nurture.reporting.ReportDataSet.Journey;
import io.nurture.reporting.ReportOracle.StageCounts;
import io.nurture.contact.ContactRepository;
import io.nurture.retention.NightlyRetention;

/**
 * The reports over HTTP against a seeded data set: random journeys through the lifecycle (recycled, backward and
 * skipped moves) whose true numbers {@link ReportOracle} works out in memory, and a small hand-made campaign whose
 * numbers are written down below. Run once per database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.demo.enabled=false",
        "nurture.inbox.smtp-port=0",
        "nurture.reporting.campaigns.report-test.per-month=300",
        "nurture.reporting.campaigns.report-test.per-send=0.5",
        // the seed's instances ended in 2020: the nightly history cleanup (01:00-05:00) would delete them mid-run
        "camunda.bpm.generic-properties.properties.history-cleanup-enabled=false" })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the retention test prunes the seed: it runs last
abstract class AbstractReportsIT {

    static final String MARCH = "from=2020-03-01&to=2020-03-31";
    static final String JANUARY = "from=2020-01-01&to=2020-01-31";
    static final String SPLIT_CAMPAIGN = "split-report-test";
    static final Instant MARCH_START = Instant.parse("2020-03-01T00:00:00Z");
    static final Instant APRIL_START = Instant.parse("2020-04-01T00:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ReportFacts facts;

    @Autowired
    NightlyRetention retention;

    @Autowired
    ContactRepository contacts;

    @Autowired
    TransactionTemplate transaction;

    NurtureClient api;
    // seeded once per class (the context is per class too); static because JUnit makes an instance per test
    static ReportDataSet data;
    static ReportOracle march;
    static Journey goalReached;
    static Journey mqlBeforeEnrolment;
    static Journey stillInCampaign;

    @AfterAll
    static void forgetSeed() {
        data = null;
    }

    @BeforeEach
    void seedOnce() {
        if (data != null) {
            return;
        }
        if (identity.createUserQuery().userId("marketer").count() == 0) { // no demo data here: only the seed counts
            org.camunda.bpm.engine.identity.User marketer = identity.newUser("marketer");
            marketer.setPassword("marketer");
            identity.saveUser(marketer);
            if (identity.createGroupQuery().groupId("marketing").count() == 0) {
                identity.saveGroup(identity.newGroup("marketing"));
            }
            identity.createMembership("marketer", "marketing");
        }
        data = new ReportDataSet(jdbc);
        data.randomJourneys(80, Instant.parse("2020-02-01T00:00:00Z"), 42);
        seedCampaign();
        seedSplitCampaign();
        facts.fillAll(); // the seed went straight into the tables
        march = new ReportOracle(data.journeys, MARCH_START, APRIL_START);
    }

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** Campaign 'report-test' (a deployed test process) and sends of it and of 'drip' with an A/B branch. */
    private void seedCampaign() {
        repository.createDeployment().addModelInstance("report-test.bpmn", Bpmn.createExecutableProcess("report-test")
                .camundaHistoryTimeToLive(30)
                .startEvent("StartEvent_Enrolled").manualTask("Task_Mail1").name("Welcome mail")
                .userTask("Task_Wait").name("Wait for the reader").manualTask("Task_Mail2").name("Follow-up mail")
                .exclusiveGateway("Gateway_Goal")
                .condition("goal", "${goal}").endEvent("EndEvent_GoalMql").name("Reached MQL")
                .moveToLastGateway().condition("done", "${!goal}").endEvent("EndEvent_SeriesDone")
                .done()).deploy();

        goalReached = data.journey("goal", 30, 10, "webinar",
                LifecycleStage.LEAD, "2020-02-20T10:00:00Z", LifecycleStage.MQL, "2020-03-04T10:00:00Z");
        mqlBeforeEnrolment = data.journey("early", 5, 5, "webinar",
                LifecycleStage.LEAD, "2020-02-15T10:00:00Z", LifecycleStage.MQL, "2020-03-01T08:00:00Z");
        stillInCampaign = data.journey("waiting", 5, 5, null, LifecycleStage.LEAD, "2020-01-10T10:00:00Z");
        Journey enrolledBefore = data.journey("before", 5, 5, null, LifecycleStage.LEAD, "2020-01-11T10:00:00Z");
        Journey cancelled = data.journey("cancel", 5, 5, null, LifecycleStage.LEAD, "2020-01-12T10:00:00Z");
        Journey february = data.journey("feb", 5, 5, null, LifecycleStage.LEAD, "2020-01-13T10:00:00Z");
        Journey april = data.journey("april", 5, 5, null, LifecycleStage.LEAD, "2020-01-14T10:00:00Z");

        finish(start(goalReached, "2020-03-02T09:00:00Z"), true, "2020-03-05T09:00:00Z");
        finish(start(mqlBeforeEnrolment, "2020-03-03T09:00:00Z"), false, "2020-03-10T09:00:00Z");
        start(stillInCampaign, "2020-03-04T09:00:00Z");
        start(enrolledBefore, "2020-02-10T09:00:00Z");
        ProcessInstance toCancel = start(cancelled, "2020-03-06T09:00:00Z");
        at("2020-03-07T09:00:00Z");
        runtime.deleteProcessInstance(toCancel.getId(), "contact erased");
        finish(start(february, "2020-02-01T09:00:00Z"), true, "2020-02-05T09:00:00Z");
        start(april, "2020-04-02T09:00:00Z");
        ClockUtil.reset();

        String d1 = data.delivery(goalReached.contactId(), "report-test", "Task_Mail1", null, "SENT", "2020-03-02T09:05:00Z");
        data.tracking(goalReached.contactId(), d1, "email_opened", null, "2020-03-02T10:00:00Z");
        data.tracking(goalReached.contactId(), d1, "email_clicked", "{\"url\":\"https://x\"}", "2020-03-02T10:01:00Z");
        data.tracking(goalReached.contactId(), d1, "email_opened", null, "2020-03-02T11:00:00Z"); // a second open
        String d2 = data.delivery(mqlBeforeEnrolment.contactId(), "report-test", "Task_Mail1", null, "SENT", "2020-03-03T09:05:00Z");
        data.tracking(mqlBeforeEnrolment.contactId(), d2, "email_opened", null, "2020-03-03T10:00:00Z");
        String d3 = data.delivery(stillInCampaign.contactId(), "report-test", "Task_Mail1", null, "SENT", "2020-03-04T09:05:00Z");
        data.tracking(stillInCampaign.contactId(), d3, "email_bounced", "{\"bounceType\":\"hard\"}", "2020-03-04T09:06:00Z");
        String d4 = data.delivery(stillInCampaign.contactId(), "report-test", "Task_Mail2", null, "SENT", "2020-03-05T09:05:00Z");
        data.tracking(stillInCampaign.contactId(), d4, "email_bounced", "{\"bounceType\":\"soft\"}", "2020-03-05T09:06:00Z");
        String d5 = data.delivery(goalReached.contactId(), "report-test", "Task_Mail2", null, "SENT", "2020-03-03T09:05:00Z");
        data.tracking(goalReached.contactId(), d5, "email_clicked", "{\"url\":\"https://y\"}", "2020-03-03T10:00:00Z");
        data.tracking(goalReached.contactId(), d5, "unsubscribed", null, "2020-03-03T10:05:00Z");
        String d6 = data.delivery(enrolledBefore.contactId(), "report-test", "Task_Mail1", null, "SENT", "2020-02-20T09:05:00Z");
        data.tracking(enrolledBefore.contactId(), d6, "email_opened", null, "2020-03-02T10:00:00Z");
        data.delivery(cancelled.contactId(), "report-test", "Task_Mail1", null, "FAILED", null);

        String d8 = data.delivery(mqlBeforeEnrolment.contactId(), "drip", "Task_Tip", "A", "SENT", "2020-03-10T09:00:00Z");
        data.tracking(mqlBeforeEnrolment.contactId(), d8, "email_opened", null, "2020-03-10T10:00:00Z");
        String d9 = data.delivery(stillInCampaign.contactId(), "drip", "Task_Tip", "B", "SENT", "2020-03-11T09:00:00Z");
        data.tracking(stillInCampaign.contactId(), d9, "email_clicked", "{\"url\":\"https://z\"}", "2020-03-11T10:00:00Z");
        data.delivery(enrolledBefore.contactId(), "drip", "Task_Tip", "B", "SENT", "2020-03-12T09:00:00Z");

        data.score(goalReached.contactId(), "behaviour", 10, 10, "form_submitted", "2020-02-20T10:00:00Z");
        data.score(goalReached.contactId(), "behaviour", 20, 30, "demo_requested", "2020-03-04T10:00:00Z");
    }

    /**
     * Campaign 'split-report-test' in January (so the March report does not see it), with an A/B split 'subject' whose
     * branch mail Task_Intro each instance got, then Task_After outside the split. A1 opened and clicked, then reached
     * the goal end event; A2 clicked without the pixel ever loading; B1 opened, then left on goal through the event
     * sub-process; A2 and B2 finished the series; B3's mail failed and B3 was cancelled. All ended in January: a running
     * instance would put the campaign into every period's report.
     */
    private void seedSplitCampaign() {
        ProcessBuilder process = Bpmn.createExecutableProcess(SPLIT_CAMPAIGN).camundaHistoryTimeToLive(30);
        process.startEvent("StartEvent_Enrolled").userTask("Task_Wait").exclusiveGateway("Gateway_Goal")
                .condition("goal", "${goal}").endEvent("EndEvent_GoalClicked")
                .moveToLastGateway().condition("done", "${!goal}").endEvent("EndEvent_SeriesDone");
        process.eventSubProcess("SubProcess_GoalMql").startEvent("StartEvent_BecameMql").message("split-report-mql")
                .endEvent("EndEvent_LeftOnMql");
        repository.createDeployment().addModelInstance(SPLIT_CAMPAIGN + ".bpmn", process.done()).deploy();

        ProcessInstance a1 = splitInstance("A1", "A", "2020-01-02T09:00:00Z");
        ProcessInstance a2 = splitInstance("A2", "A", "2020-01-02T09:10:00Z");
        ProcessInstance b1 = splitInstance("B1", "B", "2020-01-02T09:20:00Z");
        ProcessInstance b2 = splitInstance("B2", "B", "2020-01-02T09:30:00Z");
        ProcessInstance b3 = splitInstance("B3", "B", "2020-01-02T09:40:00Z");

        String a1Intro = splitSend(a1, "Task_Intro", "A", "SENT", "2020-01-02T10:00:00Z");
        data.tracking(a1.getBusinessKey(), a1Intro, "email_opened", null, "2020-01-02T11:00:00Z");
        data.tracking(a1.getBusinessKey(), a1Intro, "email_clicked", "{\"url\":\"https://x\"}", "2020-01-02T11:01:00Z");
        String a2Intro = splitSend(a2, "Task_Intro", "A", "SENT", "2020-01-02T10:00:00Z");
        data.tracking(a2.getBusinessKey(), a2Intro, "email_clicked", "{\"url\":\"https://x\"}", "2020-01-03T08:00:00Z");
        String b1Intro = splitSend(b1, "Task_Intro", "B", "SENT", "2020-01-02T10:00:00Z");
        data.tracking(b1.getBusinessKey(), b1Intro, "email_opened", null, "2020-01-02T12:00:00Z");
        splitSend(b2, "Task_Intro", "B", "SENT", "2020-01-02T10:00:00Z");
        splitSend(b3, "Task_Intro", "B", "FAILED", null);
        for (ProcessInstance instance : List.of(a1, a2, b1, b2)) {
            String after = splitSend(instance, "Task_After", null, "SENT", "2020-01-05T10:00:00Z");
            data.tracking(instance.getBusinessKey(), after, "email_opened", null, "2020-01-05T11:00:00Z");
        }

        at("2020-01-06T09:00:00Z");
        tasks.complete(tasks.createTaskQuery().processInstanceId(a1.getId()).singleResult().getId(),
                Map.of("goal", true));
        tasks.complete(tasks.createTaskQuery().processInstanceId(b2.getId()).singleResult().getId(),
                Map.of("goal", false));
        tasks.complete(tasks.createTaskQuery().processInstanceId(a2.getId()).singleResult().getId(),
                Map.of("goal", false));
        runtime.createMessageCorrelation("split-report-mql").processInstanceId(b1.getId()).correlate();
        runtime.deleteProcessInstance(b3.getId(), "contact erased");
        ClockUtil.reset();
    }

    private ProcessInstance splitInstance(String name, String variant, String at) {
        Journey contact = data.journey("split" + name, 5, 5, null, LifecycleStage.LEAD, "2020-01-01T10:00:00Z");
        at(at);
        ProcessInstance instance = runtime.startProcessInstanceByKey(SPLIT_CAMPAIGN, contact.contactId(),
                Map.of("contactId", contact.contactId()));
        data.assignment(instance.getId(), "subject", contact.contactId(), SPLIT_CAMPAIGN, variant, at);
        return instance;
    }

    private String splitSend(ProcessInstance instance, String step, String variant, String status, String sentAt) {
        return data.delivery(instance.getId(), instance.getBusinessKey(), SPLIT_CAMPAIGN, step, variant, status,
                sentAt);
    }

    private ProcessInstance start(Journey journey, String at) {
        at(at);
        return runtime.startProcessInstanceByKey("report-test", journey.contactId(),
                Map.of("contactId", journey.contactId()));
    }

    private void finish(ProcessInstance instance, boolean goal, String at) {
        at(at);
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
                Map.of("goal", goal));
    }

    private static void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

    @Test
    void funnelCountsEntriesRecyclingAndConversionFromTheLedger() {
        JsonNode stages = get("/api/reports/funnel?" + MARCH).get("stages");

        assertThat(stages).hasSize(DefaultStages.ORDER.size());
        long recycled = 0;
        for (LifecycleStage stage : DefaultStages.ORDER) {
            JsonNode row = stages.get(DefaultStages.rank(stage));
            StageCounts expected = march.funnel(stage);
            assertThat(row.get("stage").asText()).isEqualTo(stage.name());
            assertThat(row.get("current").asLong()).as(stage + " current").isEqualTo(expected.current());
            assertThat(row.get("entries").asLong()).as(stage + " entries").isEqualTo(expected.entries());
            assertThat(row.get("reEntries").asLong()).as(stage + " re-entries").isEqualTo(expected.reEntries());
            assertThat(row.get("contacts").asLong()).as(stage + " contacts").isEqualTo(expected.contacts());
            assertThat(row.get("converted").asLong()).as(stage + " converted").isEqualTo(expected.converted());
            assertThat(row.get("movedBack").asLong()).as(stage + " moved back").isEqualTo(expected.movedBack());
            if (expected.entries() > 0 && !stage.equals(LifecycleStage.EVANGELIST)) {
                assertThat(row.get("conversionRate").asDouble()).as(stage + " conversion")
                        .isCloseTo(expected.converted() / (double) expected.entries(), within(0.0001));
            } else {
                assertThat(row.get("conversionRate")).isNull();
            }
            recycled += expected.reEntries();
        }
        // the seed really exercises what the ledger is for
        assertThat(recycled).isPositive();
        assertThat(stages.get(DefaultStages.rank(LifecycleStage.MQL)).get("movedBack").asLong()).isPositive();
        assertThat(stages.get(DefaultStages.rank(LifecycleStage.MQL)).get("entries").asLong()).isGreaterThan(5);
    }

    @Test
    void velocityTimesMovesStraightFromThePreviousStageFromTheEntryIntoIt() {
        JsonNode report = get("/api/reports/velocity?from=2020-02-01&to=2020-05-31");
        ReportOracle period = new ReportOracle(data.journeys, Instant.parse("2020-02-01T00:00:00Z"),
                Instant.parse("2020-06-01T00:00:00Z"));

        assertThat(report.get("months")).extracting(m -> m.get("month").asText())
                .containsExactly("2020-02", "2020-03", "2020-04", "2020-05");
        long measured = 0;
        for (LifecycleStage to : List.of(LifecycleStage.LEAD, LifecycleStage.MQL, LifecycleStage.SQL,
                LifecycleStage.OPPORTUNITY, LifecycleStage.CUSTOMER, LifecycleStage.EVANGELIST)) {
            Map<String, List<Double>> expected = period.velocityDays(to);
            assertStep(report.get("overall").get(DefaultStages.rank(to) - 1), to, expected.get("all"));
            for (JsonNode month : report.get("months")) {
                assertStep(month.get("steps").get(DefaultStages.rank(to) - 1), to, expected.get(month.get("month").asText()));
            }
            measured += expected.getOrDefault("all", List.of()).size();
        }
        assertThat(measured).isGreaterThan(20);
    }

    private static void assertStep(JsonNode step, LifecycleStage to, List<Double> days) {
        assertThat(step.get("toStage").asText()).isEqualTo(to.name());
        assertThat(step.get("fromStage").asText()).isEqualTo(DefaultStages.ORDER.get(DefaultStages.rank(to) - 1).name());
        if (days == null) {
            assertThat(step.get("moves").asLong()).isZero();
            assertThat(step.get("averageDays")).isNull();
            return;
        }
        assertThat(step.get("moves").asLong()).as(to + " moves").isEqualTo(days.size());
        assertThat(step.get("averageDays").asDouble()).as(to + " average")
                .isCloseTo(ReportOracle.average(days), within(0.006));
        assertThat(step.get("medianDays").asDouble()).as(to + " median")
                .isCloseTo(ReportOracle.median(days), within(0.006));
    }

    @Test
    void campaignsPerCampaignStepAndBranch() {
        JsonNode campaigns = get("/api/reports/campaigns?" + MARCH).get("campaigns");

        assertThat(campaigns).extracting(c -> c.get("campaign").asText()).containsExactly("drip", "report-test");
        JsonNode test = campaigns.get(1);
        assertThat(test.get("enrolled").asLong()).isEqualTo(4);      // goal, early, waiting, cancel started in March
        assertThat(test.get("active").asLong()).isEqualTo(3);        // waiting, before, april run now
        assertThat(test.get("completed").asLong()).isEqualTo(1);     // early ran to the ordinary end
        assertThat(test.get("exitedOnGoal").asLong()).isEqualTo(1);  // goal; feb reached its goal in February
        assertThat(test.get("cancelled").asLong()).isEqualTo(1);
        assertThat(test.get("convertedToMql").asLong()).isEqualTo(1); // early was MQL before it was enrolled
        assertSends(test.get("sends"), 5, 4, 3, 2, 1, 2);
        assertThat(test.get("sends").get("openRate").asDouble()).isEqualTo(0.75);
        assertThat(test.get("sends").get("clickRate").asDouble()).isEqualTo(0.5);
        // 300 a month for 31 days plus 0.50 for each of the 5 sends
        assertThat(test.get("cost").decimalValue()).isEqualByComparingTo("312.50");
        assertThat(test.get("costPerMql").decimalValue()).isEqualByComparingTo("312.50");

        JsonNode steps = test.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("step").asText()).isEqualTo("Task_Mail1");
        assertThat(steps.get(0).get("name").asText()).as("the step's name in the diagram").isEqualTo("Welcome mail");
        assertSends(steps.get(0).get("sends"), 3, 2, 2, 1, 0, 1);
        assertThat(steps.get(0).get("convertedToMql").asLong()).isEqualTo(1);
        assertThat(steps.get(1).get("step").asText()).isEqualTo("Task_Mail2");
        assertThat(steps.get(1).get("name").asText()).isEqualTo("Follow-up mail");
        assertSends(steps.get(1).get("sends"), 2, 2, 1, 1, 1, 1);
        assertThat(steps.get(1).get("convertedToMql").asLong()).isEqualTo(1);

        JsonNode drip = campaigns.get(0);
        assertThat(drip.get("enrolled").asLong()).isZero();
        assertSends(drip.get("sends"), 3, 3, 2, 1, 0, 0);
        assertThat(drip.get("cost").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(drip.get("costPerMql")).isNull();
        assertThat(drip.get("steps")).extracting(s -> s.get("variant").asText()).containsExactly("A", "B");
        assertThat(drip.get("steps")).extracting(s -> s.get("name").asText()).as("a step the diagram lacks keeps its id")
                .containsExactly("Task_Tip", "Task_Tip");
        assertSends(drip.get("steps").get(0).get("sends"), 1, 1, 1, 0, 0, 0);
        assertSends(drip.get("steps").get(1).get("sends"), 2, 2, 1, 1, 0, 0);
    }

    @Test
    void aCampaignKeyFromAnAttackerIsOnlyEverAKey() {
        // as a marketer, the lowest role that may read reports; the key reaches SQL only as a bound parameter
        for (String campaign : List.of("welcome'%20OR%20'1'='1", "welcome%25", "%E2%82%AC" + "x".repeat(200),
                "drip;DROP%20TABLE%20ab_assignment")) {
            Response answer = api.get("/api/campaigns/" + campaign + "/splits", "marketer");
            assertThat(answer.status()).as(campaign).isEqualTo(200);
            assertThat(answer.json()).as(campaign).isEmpty();
        }
        assertThat(api.get("/api/campaigns/" + "x".repeat(20_000) + "/splits", "marketer").status())
                .as("a key longer than a request line may be").isBetween(400, 499);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ab_assignment").query(Long.class).single()).isPositive();
    }

    @Test
    void theSplitReportCountsEachFigureAsTheCampaignReportDoes() {
        JsonNode campaign = campaign(get("/api/reports/campaigns?" + JANUARY), SPLIT_CAMPAIGN);
        JsonNode branches = get("/api/campaigns/" + SPLIT_CAMPAIGN + "/splits");

        assertThat(branches).extracting(b -> b.get("splitId").asText() + "/" + b.get("variant").asText())
                .containsExactly("subject/A", "subject/B");
        long reachedGoal = 0;
        for (JsonNode branch : branches) {
            String variant = branch.get("variant").asText();
            for (String figure : List.of("sent", "opened", "clicked")) {
                long inCampaignReport = 0;
                for (JsonNode step : campaign.get("steps")) {
                    if (variant.equals(step.path("variant").asText(null))) {
                        inCampaignReport += step.get("sends").get(figure).asLong();
                    }
                }
                assertThat(branch.get(figure).asLong()).as(variant + " " + figure).isEqualTo(inCampaignReport);
            }
            reachedGoal += branch.get("reachedGoal").asLong();
        }
        assertThat(reachedGoal).isEqualTo(campaign.get("exitedOnGoal").asLong());

        // A2's click without a pixel open is an open; B1 left on goal through the event sub-process
        assertBranch(branches.get(0), 2, 2, 2, 2, 1);
        assertBranch(branches.get(1), 3, 2, 1, 0, 1);
        assertThat(campaign.get("exitedOnGoal").asLong()).isEqualTo(2);
        assertThat(campaign.get("completed").asLong()).isEqualTo(2);
        assertThat(campaign.get("cancelled").asLong()).isEqualTo(1);
        assertSends(campaign.get("sends"), 8, 8, 7, 2, 0, 0);
    }

    private static JsonNode campaign(JsonNode report, String key) {
        for (JsonNode campaign : report.get("campaigns")) {
            if (campaign.get("campaign").asText().equals(key)) {
                return campaign;
            }
        }
        throw new AssertionError("No campaign " + key + " in " + report);
    }

    private static void assertBranch(JsonNode branch, long contacts, long sent, long opened, long clicked,
            long reachedGoal) {
        assertThat(List.of(branch.get("contacts").asLong(), branch.get("sent").asLong(),
                branch.get("opened").asLong(), branch.get("clicked").asLong(), branch.get("reachedGoal").asLong()))
                .as(branch.get("variant").asText() + ": contacts, sent, opened, clicked, reached goal")
                .containsExactly(contacts, sent, opened, clicked, reachedGoal);
    }

    private static void assertSends(JsonNode sends, long sent, long delivered, long opened, long clicked,
            long unsubscribed, long bounced) {
        assertThat(List.of(sends.get("sent").asLong(), sends.get("delivered").asLong(), sends.get("opened").asLong(),
                sends.get("clicked").asLong(), sends.get("unsubscribed").asLong(), sends.get("bounced").asLong()))
                .as("sent, delivered, opened, clicked, unsubscribed, bounced")
                .containsExactly(sent, delivered, opened, clicked, unsubscribed, bounced);
    }

    @Test
    void nurtureCountsNewAndReopenedLeadsMqlsAndTheirCost() {
        JsonNode report = get("/api/reports/nurture?" + MARCH);

        long mqls = march.entries(LifecycleStage.MQL, false, false);
        assertThat(report.get("newLeads").asLong()).isEqualTo(march.entries(LifecycleStage.LEAD, true, false));
        assertThat(report.get("reopenedLeads").asLong()).isEqualTo(march.entries(LifecycleStage.LEAD, false, true))
                .isPositive();
        assertThat(report.get("mqls").asLong()).isEqualTo(mqls);
        assertThat(report.get("newMqls").asLong()).isEqualTo(march.entries(LifecycleStage.MQL, true, false));
        assertThat(report.get("cost").decimalValue()).isEqualByComparingTo("312.50");
        assertThat(report.get("costPerMql").decimalValue())
                .isEqualByComparingTo(ReportOracle.money(312.50 / mqls));

        List<Journey> newLeads = march.newLeads();
        int[] bounds = { 0, 10, 25, 50, 75, 100 };
        JsonNode buckets = report.get("newLeadScores").get("buckets");
        assertThat(buckets).hasSize(bounds.length);
        for (int i = 0; i < bounds.length; i++) {
            int min = bounds[i];
            int max = i + 1 < bounds.length ? bounds[i + 1] - 1 : Integer.MAX_VALUE;
            long expected = newLeads.stream().filter(j -> j.behaviour() + j.fit() >= min && j.behaviour() + j.fit() <= max)
                    .count();
            assertThat(buckets.get(i).get("leads").asLong()).as("bucket " + min).isEqualTo(expected);
        }
        assertThat(report.get("newLeadScores").get("averageFit").asDouble()).isCloseTo(
                newLeads.stream().mapToInt(Journey::fit).average().orElseThrow(), within(0.006));
        long fromWebinar = newLeads.stream().filter(j -> "webinar".equals(j.source())).count();
        assertThat(report.get("newLeadsBySource")).anySatisfy(s -> {
            assertThat(s.get("source").asText()).isEqualTo("webinar");
            assertThat(s.get("leads").asLong()).isEqualTo(fromWebinar);
        });
    }

    @Test
    void everyReportIsAlsoCsv() {
        JsonNode json = get("/api/reports/funnel?" + MARCH);
        Response csv = csv("/api/reports/funnel?" + MARCH);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\"stage\",\"current\",\"entries\",\"re_entries\",\"contacts\","
                + "\"converted\",\"moved_back\",\"still_in_stage\",\"conversion_rate\"");
        JsonNode mql = json.get("stages").get(DefaultStages.rank(LifecycleStage.MQL));
        assertThat(lines.get(1 + DefaultStages.rank(LifecycleStage.MQL))).startsWith("\"MQL\",\""
                + mql.get("current").asLong() + "\",\"" + mql.get("entries").asLong() + "\",\""
                + mql.get("reEntries").asLong() + "\",");

        for (String report : List.of("velocity", "campaigns", "nurture")) {
            Response other = csv("/api/reports/" + report + "?" + MARCH);
            assertThat(other.status()).as(report).isEqualTo(200);
            assertThat(other.contentType()).startsWith("text/csv");
            assertThat(other.body().lines().count()).as(report).isGreaterThan(2);
        }
        assertThat(csv("/api/reports/campaigns?" + MARCH).body())
                .contains("\"report-test\",\"Task_Mail2\",\"Follow-up mail\",\"\",\"\",\"\",\"\",\"\",\"\",\"2\",\"2\",\"1\",\"1\","
                        + "\"1\",\"1\",\"0.5\",\"0.5\",\"1\",\"\",\"\"");
        assertThat(csv("/api/reports/contacts/" + goalReached.contactId() + "/timeline").body())
                .startsWith("\"at\",\"kind\",\"title\",\"detail\"");
    }

    @Test
    void badParametersAreProblems() {
        assertProblem(api.get("/api/reports/funnel?from=yesterday", "marketer"), "'from' must be a date");
        assertProblem(api.get("/api/reports/velocity?to=2020-13-01", "marketer"), "'to' must be a date");
        assertProblem(api.get("/api/reports/campaigns?from=2020-04-01&to=2020-03-01", "marketer"),
                "must not be after");
        assertProblem(api.get("/api/reports/nurture?from=1990-01-01&to=2020-01-01", "marketer"), "at most");
        assertProblem(api.get("/api/reports/contacts?stage=WIZARD", "marketer"), "Unknown stage 'WIZARD'");
        assertProblem(csv("/api/reports/funnel?from=2020-02-30"), "'from' must be a date");
        Response unknown = api.get("/api/reports/contacts/no-such-contact/timeline", "marketer");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/api/reports/funnel", null).status()).isEqualTo(401);
        assertThat(api.get("/api/reports/funnel", "marketer").status()).isEqualTo(200);
    }

    @Test
    void contactSearchAndTimeline() {
        JsonNode found = get("/api/reports/contacts?q=" + goalReached.contactId().toUpperCase() + "&stage=mql");
        assertThat(found.get("contacts")).extracting(c -> c.get("id").asText())
                .containsExactly(goalReached.contactId());
        assertThat(get("/api/reports/contacts?q=" + goalReached.contactId() + "&stage=LEAD").get("contacts"))
                .isEmpty();
        assertThat(get("/api/reports/contacts?q=100%25").get("contacts")).isEmpty();

        JsonNode timeline = get("/api/reports/contacts/" + goalReached.contactId() + "/timeline");
        assertThat(timeline.get("entries")).extracting(e -> e.get("kind").asText())
                .contains("stage", "send", "open", "click", "unsubscribe", "score");
        assertThat(timeline.get("entries").get(0).get("at").asText())
                .isGreaterThanOrEqualTo(timeline.get("entries").get(1).get("at").asText());
        JsonNode instance = timeline.get("processes").get(0);
        assertThat(instance.get("processKey").asText()).isEqualTo("report-test");
        assertThat(instance.get("cockpitPath").asText())
                .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + instance.get("id").asText());
        assertThat(instance.get("steps")).extracting(JsonNode::asText).as("ended at, by name")
                .containsExactly("Reached MQL");
        assertThat(timeline.get("entries")).extracting(e -> e.get("detail").asText())
                .anyMatch(detail -> detail.startsWith("report-test / Welcome mail, "))
                .noneMatch(detail -> detail.contains("Task_Mail"));

        JsonNode waiting = get("/api/reports/contacts/" + stillInCampaign.contactId() + "/timeline");
        assertThat(waiting.get("processes").get(0).get("steps")).extracting(JsonNode::asText)
                .as("where it waits, by name").containsExactly("Wait for the reader");
    }

    private JsonNode get(String path) {
        Response response = api.get(path, "marketer");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void factsWrittenAsThingsHappenAreTheFactsWorkedOutFromScratch() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String lead = post("form_submitted", "\"email\": \"facts-%s@example.com\"".formatted(now.toEpochMilli()),
                null, now.minusSeconds(7200));
        String beforeMql = data.delivery(lead, "facts-test", "Task_Mail1", null, "SENT", now.minusSeconds(3600).toString());
        String afterMql = data.delivery(lead, "facts-test", "Task_Mail2", null, "SENT", now.plusSeconds(86_400).toString());
        post("email_opened", "\"contactId\": \"" + lead + "\"", beforeMql, now.minusSeconds(600));
        post("email_opened", "\"contactId\": \"" + lead + "\"", beforeMql, now.minusSeconds(3000)); // late, earlier
        post("email_clicked", "\"contactId\": \"" + lead + "\"", beforeMql, now.minusSeconds(1200));
        post("email_bounced", "\"contactId\": \"" + lead + "\", \"properties\": {\"bounceType\": \"hard\", "
                + "\"deliveryId\": \"" + afterMql + "\"}", null, now.minusSeconds(60));
        post("demo_requested", "\"contactId\": \"" + lead + "\"", null, now);
        // two devices of one person, merged when the second one gives the e-mail too
        String email = "\"email\": \"merged-%s@example.com\"".formatted(now.toEpochMilli());
        String survivor = post("page_view", "\"anonymousId\": \"laptop-" + now.toEpochMilli() + "\"", null, now);
        post("page_view", "\"anonymousId\": \"phone-" + now.toEpochMilli() + "\"", null, now);
        post("form_submitted", email + ", \"anonymousId\": \"laptop-" + now.toEpochMilli() + "\"", null, now);
        assertThat(post("page_view", email + ", \"anonymousId\": \"phone-" + now.toEpochMilli() + "\"", null, now))
                .isEqualTo(survivor);

        List<Map<String, Object>> asWritten = factsOf(lead, survivor);
        facts.fillAll();
        // a welcome mail the job executor sends meanwhile adds a row that has no "as written" to compare with
        Set<Object> rowsAsWritten = asWritten.stream().map(row -> row.get("id")).collect(Collectors.toSet());
        assertThat(factsOf(lead, survivor).stream().filter(row -> rowsAsWritten.contains(row.get("id"))).toList())
                .isEqualTo(asWritten);

        Map<String, Object> sent = sendFacts(beforeMql);
        assertThat(instant(sent.get("opened_at"))).isEqualTo(now.minusSeconds(3000));
        assertThat(instant(sent.get("clicked_at"))).isEqualTo(now.minusSeconds(1200));
        assertThat(sent.get("converted_at")).isNotNull();
        Map<String, Object> later = sendFacts(afterMql);
        assertThat(later.get("hard_bounced")).isEqualTo(true);
        assertThat(later.get("converted_at")).isNull();
        assertThat(jdbc.sql("SELECT to_stage, next_stage FROM stage_transition WHERE contact_id = ? ORDER BY at, id")
                .param(lead).query((rs, row) -> rs.getString(1) + ">" + rs.getString(2)).list())
                .containsExactly("LEAD>MQL", "MQL>null");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stage_transition WHERE contact_id = ? AND next_stage IS NULL")
                .param(survivor).query(Long.class).single()).isEqualTo(1);

        for (String contact : List.of(lead, survivor)) { // the other tests count the seeded contacts only
            assertThat(api.delete("/api/contacts/" + contact, "demo").status()).isEqualTo(204);
        }
    }

    /**
     * The seed is from 2020, long past the default retentions: a run prunes its raw events, sends (with their
     * tracking events) and score changes, keeps the rows of today, and every report of its periods says the same
     * after as before, also while one contact's rows wait for the next run.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void pruningTheSeedsRawRowsKeepsEveryReportOfItsPeriods() {
        List<String> seeded = data.journeys.stream().map(Journey::contactId).limit(5).toList();
        String now = Instant.now().toString();
        for (int i = 0; i < seeded.size(); i++) {
            String contact = seeded.get(i);
            for (int view = 0; view <= i; view++) { // same contact, same day, several views; and one on the 31st
                data.tracking(contact, null, "page_view", "{\"page\": \"/pricing\"}",
                        "2020-03-1" + i + "T10:0" + view + ":00Z");
            }
            data.tracking(contact, null, "trial_started", "{}", "2020-03-31T23:59:59Z");
            data.score(contact, "behaviour", 1, 1, "event page_view", "2020-03-1" + i + "T10:00:00Z");
        }
        data.tracking(seeded.get(0), null, "page_view", "{}", now);
        data.score(seeded.get(0), "behaviour", 1, 2, "event page_view", now);
        String todaysSend = data.delivery(seeded.get(0), "report-test", "Task_Today", null, "SENT", now);
        List<String> reports = List.of("/api/reports/funnel?" + MARCH, "/api/reports/funnel?" + JANUARY,
                "/api/reports/velocity?from=2020-01-01&to=2020-12-31", "/api/reports/campaigns?" + MARCH,
                "/api/reports/campaigns?" + JANUARY, "/api/reports/campaigns?from=2020-01-01&to=2020-12-31",
                "/api/reports/nurture?" + MARCH, "/api/reports/nurture?from=2020-01-01&to=2020-12-31",
                "/api/reports/events?" + MARCH, "/api/reports/events?from=2020-03-15&to=2020-03-31",
                "/api/reports/events?from=2020-01-01&to=2020-12-31",
                "/api/campaigns/" + SPLIT_CAMPAIGN + "/splits", "/api/campaigns/report-test/splits");
        Map<String, JsonNode> before = reports.stream().collect(Collectors.toMap(path -> path, this::get));
        assertThat(eventCount(before.get("/api/reports/events?" + MARCH), "page_view")).isEqualTo(15);
        assertThat(eventCount(before.get("/api/reports/events?from=2020-03-15&to=2020-03-31"), "trial_started"))
                .isEqualTo(5);
        Instant seedEnd = Instant.parse("2021-01-01T00:00:00Z");
        Map<String, Long> old = oldRows(seedEnd, null);
        assertThat(old.get("events")).as("old events").isGreaterThan(20);
        assertThat(old.get("deliveries")).as("old sends").isPositive();
        assertThat(old.get("scoreChanges")).as("old score changes").isGreaterThanOrEqualTo(5);
        long oldSent = count("SELECT COUNT(*) FROM delivery WHERE created_at < ? AND sent_at IS NOT NULL"
                + " AND campaign IS NOT NULL", seedEnd);

        // an event of contact 1 is being processed meanwhile: the run leaves that contact's rows for later
        Map<String, Long> held = oldRows(seedEnd, seeded.get(1));
        Map<String, Long> whileHeld = transaction.execute(holding -> {
            contacts.lockById(seeded.get(1));
            return CompletableFuture.supplyAsync(retention::runOnce).join();
        });
        for (String rows : List.of("deliveries", "events", "scoreChanges")) {
            assertThat(whileHeld.get(rows)).as(rows + " pruned while contact 1 is held")
                    .isEqualTo(old.get(rows) - held.get(rows));
        }
        assertThat(oldRows(seedEnd, seeded.get(1))).isEqualTo(held);
        for (String path : reports) {
            assertThat(get(path)).as(path + " while part is pruned").isEqualTo(before.get(path));
        }

        assertThat(retention.runOnce()).isEqualTo(held);

        assertThat(oldRows(seedEnd, null)).containsOnly(Map.entry("deliveries", 0L), Map.entry("events", 0L),
                Map.entry("scoreChanges", 0L));
        assertThat(count("SELECT COUNT(*) FROM delivery_report WHERE sent_at < ?", seedEnd)).isZero();
        assertThat(count("SELECT COUNT(*) FROM contact_event WHERE contact_id = ?", seeded.get(0)))
                .as("today's page view").isOne();
        assertThat(count("SELECT COUNT(*) FROM score_history WHERE contact_id = ?", seeded.get(0)))
                .as("today's score change").isOne();
        assertThat(count("SELECT COUNT(*) FROM delivery WHERE id = ?", todaysSend)).as("today's send").isOne();
        assertThat(count("SELECT COALESCE(SUM(event_count), 0) FROM contact_event_daily")).isEqualTo(old.get("events"));
        assertThat(count("SELECT COALESCE(SUM(sent), 0) FROM send_daily")).isEqualTo(oldSent);
        for (String path : reports) {
            assertThat(get(path)).as(path).isEqualTo(before.get(path));
        }
        assertThat(retention.runOnce()).as("a second run finds nothing more")
                .containsOnly(Map.entry("deliveries", 0L), Map.entry("events", 0L), Map.entry("scoreChanges", 0L));

        assertThat(api.delete("/api/contacts/" + seeded.get(4), "demo").status()).isEqualTo(204);
        assertThat(count("SELECT COUNT(*) FROM contact_event_daily WHERE contact_id = ?", seeded.get(4))
                + count("SELECT COUNT(*) FROM send_daily WHERE contact_id = ?", seeded.get(4)))
                .as("an erasure takes the pruned rows' figures of the contact too").isZero();
    }

    /** The rows older than {@code before}, of one contact or of all, by the names the retention run uses. */
    private Map<String, Long> oldRows(Instant before, String contactId) {
        String ofContact = contactId == null ? "" : " AND contact_id = ?";
        Object[] params = contactId == null ? new Object[] { before } : new Object[] { before, contactId };
        return Map.of("deliveries", count("SELECT COUNT(*) FROM delivery WHERE created_at < ?" + ofContact, params),
                "events", count("SELECT COUNT(*) FROM contact_event WHERE occurred_at < ?" + ofContact, params),
                "scoreChanges", count("SELECT COUNT(*) FROM score_history WHERE at < ?" + ofContact, params));
    }

    private static long eventCount(JsonNode report, String type) {
        for (JsonNode row : report.get("types")) {
            if (row.get("type").asText().equals(type)) {
                return row.get("events").asLong();
            }
        }
        return 0;
    }

    private long count(String sql, Object... params) {
        Object[] values = java.util.Arrays.stream(params)
                .map(param -> param instanceof Instant at ? java.sql.Timestamp.from(at) : param).toArray();
        return jdbc.sql(sql).params(values).query(Long.class).single();
    }

    /** A send's report facts (reporting's own row for it). */
    private Map<String, Object> sendFacts(String deliveryId) {
        return jdbc.sql("SELECT * FROM delivery_report WHERE delivery_id = ?").param(deliveryId).query().singleRow();
    }

    /** The report facts of the contacts' moves and sends, in a stable order. */
    private List<Map<String, Object>> factsOf(String... contactIds) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (String contactId : contactIds) {
            rows.addAll(jdbc.sql("""
                    SELECT id, next_stage, next_at, previous_entry_at FROM stage_transition WHERE contact_id = ? ORDER BY id""")
                    .param(contactId).query().listOfRows());
            rows.addAll(jdbc.sql("""
                    SELECT d.id, r.opened_at, r.clicked_at, r.unsubscribed_at, r.bounced_at, r.hard_bounced,
                           r.converted_at
                    FROM delivery d LEFT JOIN delivery_report r ON r.delivery_id = d.id
                    WHERE d.contact_id = ? ORDER BY d.id""").param(contactId).query().listOfRows());
        }
        return rows.stream().map(row -> {
            Map<String, Object> comparable = new java.util.TreeMap<>();
            row.forEach((column, value) -> comparable.put(column.toLowerCase(java.util.Locale.ROOT),
                    value instanceof java.util.Date || value instanceof java.time.temporal.TemporalAccessor
                            ? instant(value) : value));
            return comparable;
        }).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        throw new IllegalArgumentException("Not a point in time: " + value);
    }

    /** An event through the API, optionally naming its send; returns the contact's id. */
    private String post(String type, String identity, String deliveryId, Instant occurredAt) {
        String properties = deliveryId == null || identity.contains("properties") ? ""
                : ", \"properties\": {\"deliveryId\": \"" + deliveryId + "\"}";
        Response response = api.post("/api/events", "{\"type\": \"" + type + "\", " + identity + properties
                + ", \"occurredAt\": \"" + occurredAt + "\"}", "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    private Response csv(String path) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", NurtureClient.basic("marketer", "marketer"))
                .header("Accept", "text/csv").GET().build());
    }

    private static void assertProblem(Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }
}
