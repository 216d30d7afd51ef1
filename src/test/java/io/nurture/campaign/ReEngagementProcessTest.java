package io.nurture.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The win-back series (processes/re-engagement.bpmn): engagement goes back to drip, silence sunsets. */
@Deployment(resources = "processes/re-engagement.bpmn")
class ReEngagementProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String CONTACT_ID = "c-9";

    @RegisterExtension
    final CampaignMocks mocks = new CampaignMocks(extension, Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void threeUnansweredMailsSunsetTheContact() {
        ProcessInstance instance = start();
        Jobs.runAll(instance);

        assertThat(mocks.templates()).containsExactly("winback-1", "winback-2", "winback-3");
        assertThat(mocks.activities("sunsetContact")).containsExactly("Task_Sunset");
        assertThat(instance).isEnded().hasPassed("EndEvent_ExitSunset").hasNotPassed("Task_EnrolInDrip");
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3 })
    void engagementAfterAnyMailSendsTheContactBackToDrip(int mailsBeforeEngaging) {
        ProcessInstance instance = start();
        for (int mail = 1; mail < mailsBeforeEngaging; mail++) {
            Jobs.runDue(instance);
            Jobs.runNext(instance); // the 7-day timer
        }
        Jobs.runDue(instance);
        assertThat(instance).isWaitingAt("Gateway_Engaged" + mailsBeforeEngaging);

        runtimeService().createMessageCorrelation("ContactEngaged").processInstanceBusinessKey(CONTACT_ID)
                .correlateAll();
        Jobs.runAll(instance);

        assertThat(mocks.templates()).hasSize(mailsBeforeEngaging);
        assertThat(mocks.steps).filteredOn(step -> step.delegate().equals("enrolInCampaign"))
                .singleElement().satisfies(step -> assertThat(step.input("campaign")).isEqualTo("drip"));
        assertThat(instance).isEnded().hasPassed("EndEvent_GoalReEngaged").hasNotPassed("Task_Sunset");
    }

    @ParameterizedTest
    @CsvSource({ "ContactQualified, EndEvent_GoalQualified", "ContactUnsubscribed, EndEvent_ExitUnsubscribed",
            "EmailHardBounced, EndEvent_ExitBounced", "ContactSuppressed, EndEvent_ExitSuppressed" })
    void theSeriesEndsOnQualificationUnsubscribeBounceOrSuppression(String message, String endEvent) {
        ProcessInstance instance = start();
        Jobs.runDue(instance);
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(CONTACT_ID).correlateAll();
        assertThat(instance).isEnded().hasPassed(endEvent);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("re-engagement", CONTACT_ID,
                Map.of("contactId", CONTACT_ID));
    }
}
