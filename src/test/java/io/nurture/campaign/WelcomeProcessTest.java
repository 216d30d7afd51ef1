package io.nurture.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The welcome series (processes/welcome.bpmn): eight weeks of e-mail, SMS and an in-app tip, an SDR call for
 * high-fit leads on day 7, and the exits. Delegates are mocks (camunda.cfg.xml's MockExpressionManager).
 */
@Deployment(resources = "processes/welcome.bpmn")
class WelcomeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String CONTACT_ID = "c-42";
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @RegisterExtension
    final CampaignMocks mocks = new CampaignMocks(extension, START);

    @Test
    void aLowFitLeadGetsTheWholeSeriesOverEightWeeksAndNoCall() {
        ProcessInstance instance = startWelcome();

        // each send is its own job (asyncBefore): nothing goes out inside the starting transaction
        assertThat(instance).isWaitingAt("Task_SendWelcomeEmail");
        assertThat(mocks.steps).isEmpty();
        Jobs.runAll(instance);

        assertThat(mocks.templates()).containsExactly("welcome-1", "welcome-2", "welcome-3", "welcome-4",
                "welcome-5", "welcome-6", "welcome-7", "welcome-8", "welcome-9", "welcome-10");
        assertThat(mocks.activities("sendSms")).containsExactly("Task_SendWelcomeSms", "Task_SendWebinarSms");
        assertThat(mocks.activities("sendInApp")).containsExactly("Task_SendTemplateGalleryTip");
        assertThat(mocks.steps).hasSizeGreaterThanOrEqualTo(13);
        assertThat(Duration.between(START, ClockUtil.getCurrentTime().toInstant())).isEqualTo(Duration.ofDays(56));
        assertThat(instance).isEnded().hasPassed("EndEvent_SeriesFinished").hasNotPassed("Task_CallHighFitLead");
    }

    @Test
    void theFirstTouchesComeOnDays0And2And3() {
        ProcessInstance instance = startWelcome();
        Jobs.runNext(instance);
        assertThat(instance).isWaitingAt("Timer_Wait2Days");
        assertThat(job()).hasDueDate(Date.from(START.plus(Duration.ofDays(2))));
        Jobs.runNext(instance);
        Jobs.runNext(instance);
        assertThat(mocks.steps.get(1).input("text").toString()).contains("{{firstName}}");
        assertThat(instance).isWaitingAt("Timer_Wait1Day");
        assertThat(job()).hasDueDate(Date.from(START.plus(Duration.ofDays(3))));
    }

    @Test
    void aHighFitLeadGetsAnSdrCallOnDay7WhileTheSeriesGoesOn() {
        mocks.contact.put("fitScore", 70);
        ProcessInstance instance = startWelcome();
        while (taskQuery().count() == 0) {
            Jobs.runNext(instance);
        }
        assertThat(taskQuery().singleResult()).hasCandidateGroup("sdr").hasName("Call high-fit lead")
                .hasDueDate(Date.from(START.plus(Duration.ofDays(7 + 2))));
        complete(taskQuery().singleResult());

        Jobs.runAll(instance);
        assertThat(instance).isEnded().hasPassed("Task_CallHighFitLead", "EndEvent_SeriesFinished")
                .hasNotPassed("Timer_CallNotMade");
        assertThat(mocks.templates()).hasSize(10);
    }

    @Test
    void aCallNobodyMakesWithin7DaysDoesNotHoldTheSeries() {
        mocks.contact.put("fitScore", 50);
        ProcessInstance instance = startWelcome();
        Jobs.runAll(instance);

        assertThat(instance).isEnded().hasPassed("Task_ReadContact", "Timer_CallNotMade", "EndEvent_SeriesFinished");
        assertThat(mocks.templates()).hasSize(10);
    }

    @ParameterizedTest
    @CsvSource({ "ContactQualified, EndEvent_GoalQualified", "ContactUnsubscribed, EndEvent_ExitUnsubscribed",
            "EmailHardBounced, EndEvent_ExitBounced", "ContactSuppressed, EndEvent_ExitSuppressed" })
    void theSeriesEndsOnQualificationUnsubscribeBounceOrSuppression(String message, String endEvent) {
        ProcessInstance instance = startWelcome();
        Jobs.runNext(instance);
        Jobs.runNext(instance);
        Jobs.runNext(instance);
        assertThat(instance).isWaitingAt("Timer_Wait1Day");

        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(CONTACT_ID).correlateAll();

        assertThat(instance).isEnded().hasPassed(endEvent).hasNotPassed("Task_SendGettingStartedTips");
        assertThat(Jobs.jobs(instance)).isEmpty();
        assertThat(mocks.templates()).containsExactly("welcome-1");
    }

    private ProcessInstance startWelcome() {
        // firstName may be an empty string: the series must not depend on it
        return runtimeService().startProcessInstanceByKey("welcome", CONTACT_ID,
                Map.of("contactId", CONTACT_ID, "firstName", ""));
    }
}
