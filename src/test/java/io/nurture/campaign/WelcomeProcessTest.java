package io.nurture.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The welcome series (processes/welcome.bpmn): three e-mails a few days apart, stopped by ContactQualified.
 * Delegates are mocked through the MockExpressionManager configured in camunda.cfg.xml.
 */
@Deployment(resources = "processes/welcome.bpmn")
class WelcomeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String CONTACT_ID = "c-42";
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final List<SentEmail> sent = new ArrayList<>();

    record SentEmail(String contactId, String template, String subject) {
    }

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        // the inputs are local to the service task, exactly as the real delegate reads them
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("sendEmail", (JavaDelegate) execution -> sent.add(new SentEmail(
                execution.getProcessBusinessKey(),
                (String) execution.getVariableLocal("template"),
                (String) execution.getVariableLocal("subject"))));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void sendsTheThreeWelcomeEmailsInOrderWithTheWaitsInBetween() {
        ProcessInstance instance = startWelcome();

        // each send runs in its own job (asyncBefore), so nothing is sent inside the starting transaction
        assertThat(instance).isWaitingAt("Task_SendWelcomeEmail");
        assertThat(sent).isEmpty();
        execute(job(instance));
        assertThat(sent).containsExactly(new SentEmail(CONTACT_ID, "welcome-1", "Welcome to Nurture"));

        assertThat(instance).isWaitingAt("Timer_Wait3Days");
        assertThat(job(instance)).hasDueDate(Date.from(START.plus(Duration.ofDays(3))));
        moveClockTo(START.plus(Duration.ofDays(3)));
        execute(job(instance));

        assertThat(instance).isWaitingAt("Task_SendGettingStartedTips");
        execute(job(instance));
        assertThat(sent).last().isEqualTo(new SentEmail(CONTACT_ID, "welcome-2", "Three ways to get started"));

        assertThat(instance).isWaitingAt("Timer_Wait4Days");
        assertThat(job(instance)).hasDueDate(Date.from(START.plus(Duration.ofDays(3 + 4))));
        moveClockTo(START.plus(Duration.ofDays(3 + 4)));
        execute(job(instance));

        assertThat(instance).isWaitingAt("Task_SendCustomerStory");
        execute(job(instance));

        assertThat(sent).containsExactly(
                new SentEmail(CONTACT_ID, "welcome-1", "Welcome to Nurture"),
                new SentEmail(CONTACT_ID, "welcome-2", "Three ways to get started"),
                new SentEmail(CONTACT_ID, "welcome-3", "How Acme doubled its pipeline"));
        assertThat(instance).isEnded().hasPassed("EndEvent_SeriesFinished").hasNotPassed("EndEvent_LeftTheSeries");
    }

    @Test
    void contactQualifiedDuringTheFirstWaitEndsTheSeriesWithoutFurtherSends() {
        ProcessInstance instance = startWelcome();
        execute(job(instance));
        assertThat(instance).isWaitingAt("Timer_Wait3Days");

        contactQualified();

        assertThat(instance).isEnded()
                .hasPassed("StartEvent_ContactQualified", "EndEvent_LeftTheSeries")
                .hasNotPassed("Task_SendGettingStartedTips", "EndEvent_SeriesFinished");
        assertThat(jobQuery().count()).isZero();
        assertThat(sent).extracting(SentEmail::template).containsExactly("welcome-1");
    }

    @Test
    void contactQualifiedDuringTheSecondWaitEndsTheSeriesWithoutFurtherSends() {
        ProcessInstance instance = startWelcome();
        execute(job(instance));
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).isWaitingAt("Timer_Wait4Days");

        contactQualified();

        assertThat(instance).isEnded()
                .hasPassed("EndEvent_LeftTheSeries")
                .hasNotPassed("Task_SendCustomerStory", "EndEvent_SeriesFinished");
        assertThat(jobQuery().count()).isZero();
        assertThat(sent).extracting(SentEmail::template).containsExactly("welcome-1", "welcome-2");
    }

    private ProcessInstance startWelcome() {
        // firstName may be an empty string: the series must not depend on it
        return runtimeService().startProcessInstanceByKey("welcome", CONTACT_ID,
                Map.of("contactId", CONTACT_ID, "firstName", ""));
    }

    private void contactQualified() {
        runtimeService().createMessageCorrelation("ContactQualified")
                .processInstanceBusinessKey(CONTACT_ID)
                .correlateWithResult();
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
