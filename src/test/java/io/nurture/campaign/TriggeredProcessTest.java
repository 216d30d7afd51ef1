package io.nurture.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Triggered campaigns: cart abandonment, date-triggered messages and the daily scans that start them. */
@Deployment(resources = { "processes/cart-abandonment.bpmn", "processes/date-triggered.bpmn",
        "processes/daily-scans.bpmn" })
class TriggeredProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String CONTACT_ID = "c-11";
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @RegisterExtension
    final CampaignMocks mocks = new CampaignMocks(extension, START);

    @Test
    void anAbandonedCartGetsAReminderAfterAnHourAndASecondOneADayLater() {
        ProcessInstance instance = cart();
        assertThat(instance).isWaitingAt("Timer_Wait1Hour");
        assertThat(job()).hasDueDate(Date.from(START.plus(Duration.ofHours(1))));
        Jobs.runAll(instance);

        assertThat(mocks.templates()).containsExactly("cart-1", "cart-2");
        assertThat(instance).isEnded().hasPassed("EndEvent_ExitNoPurchase");
    }

    @Test
    void aPurchaseStopsTheReminders() {
        ProcessInstance instance = cart();
        Jobs.runNext(instance);
        Jobs.runNext(instance);
        assertThat(instance).isWaitingAt("Timer_Wait1Day");

        runtimeService().createMessageCorrelation("Purchased").processInstanceBusinessKey(CONTACT_ID).correlateAll();

        assertThat(instance).isEnded().hasPassed("EndEvent_GoalPurchased").hasNotPassed("Task_SendSecondCartReminder");
        assertThat(mocks.templates()).containsExactly("cart-1");
    }

    @ParameterizedTest
    @CsvSource({ "cart-abandonment, ContactUnsubscribed, EndEvent_ExitUnsubscribed",
            "cart-abandonment, EmailHardBounced, EndEvent_ExitBounced",
            "cart-abandonment, ContactSuppressed, EndEvent_ExitSuppressed",
            "date-triggered, ContactUnsubscribed, EndEvent_ExitUnsubscribed",
            "date-triggered, EmailHardBounced, EndEvent_ExitBounced",
            "date-triggered, ContactSuppressed, EndEvent_ExitSuppressed" })
    void triggeredMessagesStopOnUnsubscribeBounceOrSuppression(String key, String message, String endEvent) {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(key, CONTACT_ID,
                Map.of("contactId", CONTACT_ID, "cartUrl", "", "dateName", "birthday"));
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(CONTACT_ID).correlateAll();
        assertThat(instance).isEnded().hasPassed(endEvent);
        assertThat(mocks.templates()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "birthday, birthday", "contractRenewal, renewal", "expiry, expiry" })
    void eachDateGetsItsOwnMessage(String dateName, String template) {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("date-triggered", CONTACT_ID,
                Map.of("contactId", CONTACT_ID, "dateName", dateName, "date", "2026-11-23"));
        Jobs.runAll(instance);
        assertThat(mocks.templates()).containsExactly(template);
        assertThat(instance).isEnded().hasPassed("EndEvent_Sent");
    }

    @Test
    void theDailyScansRunEveryMorningAt6() {
        Job timer = managementService().createJobQuery().processDefinitionKey("daily-scans").timers().singleResult();
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime())
                .isEqualTo(LocalTime.of(6, 0));

        managementService().executeJob(timer.getId());
        ProcessInstance scan = runtimeService().createProcessInstanceQuery().processDefinitionKey("daily-scans")
                .singleResult();
        Jobs.runDue(scan);

        assertThat(mocks.activities("startReEngagement")).containsExactly("Task_StartReEngagement");
        assertThat(mocks.steps).filteredOn(step -> step.delegate().equals("startReEngagement")).singleElement()
                .satisfies(step -> assertThat(step.input("dormantDays")).isEqualTo(90L));
        assertThat(mocks.activities("fireDateTriggers")).containsExactly("Task_FireDateTriggers");
        assertThat(scan).isEnded().hasPassed("EndEvent_ScansDone");
    }

    private ProcessInstance cart() {
        return runtimeService().startProcessInstanceByKey("cart-abandonment", CONTACT_ID,
                Map.of("contactId", CONTACT_ID, "cartUrl", "https://shop.example/cart/1"));
    }
}
