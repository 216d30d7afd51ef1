package io.nurture.campaign;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reusable "Wait for engagement" step (processes/wait-for-engagement.bpmn), called as its template writes it. */
@Deployment(resources = { "processes/wait-for-engagement.bpmn", "campaign/engagement-caller.bpmn" })
class WaitForEngagementProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String CONTACT_ID = "c-42";

    @Test
    void anOpenOrClickOfTheContactReturnsEngaged() {
        ProcessInstance caller = start();
        ProcessInstance waiting = calledProcessInstance("wait-for-engagement", caller);
        assertThat(waiting).isWaitingAt("Gateway_EngagedOrTimeout").variables().containsEntry("timeout", "P4D")
                .containsEntry("contactId", CONTACT_ID);

        runtimeService().createMessageCorrelation("ContactEngaged").processInstanceBusinessKey(CONTACT_ID)
                .correlateAll();

        assertThat(waiting).isEnded().hasPassed("EndEvent_Engaged");
        assertThat(caller).isEnded().hasPassed("EndEvent_Engaged");
    }

    @Test
    void silenceUntilTheTimeoutReturnsNotEngaged() {
        ProcessInstance caller = start();
        ProcessInstance waiting = calledProcessInstance("wait-for-engagement", caller);
        Instant due = job(waiting).getDuedate().toInstant();
        org.assertj.core.api.Assertions.assertThat(Duration.between(Instant.now(), due))
                .isBetween(Duration.ofDays(4).minusMinutes(1), Duration.ofDays(4));

        execute(job(waiting));

        assertThat(waiting).isEnded().hasPassed("EndEvent_NoResponse");
        assertThat(caller).isEnded().hasPassed("EndEvent_Silent");
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("engagement-caller", CONTACT_ID,
                Map.of("contactId", CONTACT_ID));
    }
}
