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

/** The drip sequence (processes/drip.bpmn): A/B intro, persona tracks, click-or-timeout after each article. */
@Deployment(resources = "processes/drip.bpmn")
class DripProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String CONTACT_ID = "c-7";

    @RegisterExtension
    final CampaignMocks mocks = new CampaignMocks(extension, Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void aDeveloperWhoNeverClicksGetsTheDeveloperArticlesOnly() {
        mocks.contact.put("industry", "software");
        ProcessInstance instance = start();
        Jobs.runAll(instance);

        assertThat(mocks.templates()).containsExactly("drip-intro", "drip-dev-1", "drip-dev-2");
        assertThat(mocks.activities("updateScore")).isEmpty();
        assertThat(instance).isEnded().hasPassed("Task_SendIntroA", "Timer_Dev1NoClick", "Timer_Dev2NoClick",
                "EndEvent_SequenceFinished");
    }

    @Test
    void everyoneElseGetsTheBusinessArticles() {
        ProcessInstance instance = start();
        Jobs.runAll(instance);

        assertThat(mocks.templates()).containsExactly("drip-intro", "drip-biz-1", "drip-biz-2");
        assertThat(instance).isEnded().hasPassed("Timer_Biz1NoClick", "Timer_Biz2NoClick", "EndEvent_SequenceFinished");
    }

    @Test
    void aClickScoresAndSendsTheDeeperContentThenTheSequenceGoesOn() {
        ProcessInstance instance = start();
        Jobs.runDue(instance);
        Jobs.runDue(instance);
        assertThat(instance).isWaitingAt("Gateway_Biz1Clicked");
        // the sends after the split no longer belong to its variant
        assertThat(runtimeService().getVariable(instance.getId(), "variant")).isNull();

        click();
        assertThat(mocks.steps).last().satisfies(step -> {
            assertThat(step.activityId()).isEqualTo("Task_ScoreBiz1Click");
            assertThat(step.input("points")).isEqualTo("5");
        });
        Jobs.runDue(instance);
        Jobs.runDue(instance);
        assertThat(instance).isWaitingAt("Gateway_Biz2Clicked");
        click();
        Jobs.runAll(instance);

        assertThat(mocks.templates()).containsExactly("drip-intro", "drip-biz-1", "drip-biz-deep-1", "drip-biz-2",
                "drip-biz-deep-2");
        assertThat(instance).isEnded().hasPassed("Message_Biz1Clicked", "Message_Biz2Clicked")
                .hasNotPassed("Timer_Biz1NoClick");
    }

    @Test
    void developersClickToo() {
        mocks.contact.put("industry", "software");
        mocks.variant = "B";
        ProcessInstance instance = start();
        Jobs.runDue(instance);
        Jobs.runDue(instance);
        click();
        Jobs.runDue(instance);
        Jobs.runDue(instance);
        click();
        Jobs.runAll(instance);

        assertThat(mocks.steps).filteredOn(step -> step.activityId().equals("Task_SendIntroB")).hasSize(1);
        assertThat(mocks.templates()).containsExactly("drip-intro", "drip-dev-1", "drip-dev-deep-1", "drip-dev-2",
                "drip-dev-deep-2");
        assertThat(instance).isEnded().hasPassed("Task_SendIntroB", "EndEvent_SequenceFinished");
    }

    @ParameterizedTest
    @CsvSource({ "ContactQualified, EndEvent_GoalQualified", "ContactUnsubscribed, EndEvent_ExitUnsubscribed",
            "EmailHardBounced, EndEvent_ExitBounced", "ContactSuppressed, EndEvent_ExitSuppressed" })
    void theSequenceEndsOnQualificationUnsubscribeBounceOrSuppression(String message, String endEvent) {
        ProcessInstance instance = start();
        Jobs.runDue(instance);
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(CONTACT_ID).correlateAll();
        assertThat(instance).isEnded().hasPassed(endEvent);
    }

    private void click() {
        runtimeService().createMessageCorrelation("EmailClicked").processInstanceBusinessKey(CONTACT_ID)
                .correlateAll();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("drip", CONTACT_ID, Map.of("contactId", CONTACT_ID));
    }
}
