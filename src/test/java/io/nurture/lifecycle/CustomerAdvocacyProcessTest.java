package io.nurture.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Customer → evangelist (processes/customer-advocacy.bpmn): the NPS survey and what each answer leads to. */
@Deployment(resources = { "processes/customer-advocacy.bpmn", "processes/forms/call-detractor.form" })
class CustomerAdvocacyProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String CONTACT_ID = "c-7";
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final List<String> mails = new ArrayList<>();
    private final List<String> stageChanges = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(START));
        init(extension.getProcessEngine());
        Mocks.register("sendEmail", (JavaDelegate) execution -> mails.add(
                execution.getVariableLocal("template") + ": " + execution.getVariableLocal("subject")));
        Mocks.register("funnel", TestFunnels.defaults());
        Mocks.register("setLifecycleStage", (JavaDelegate) execution -> stageChanges.add(
                execution.getVariableLocal("stage") + ": " + execution.getVariableLocal("reason")));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aPromoterBecomesAnEvangelist() {
        ProcessInstance instance = surveyed();

        answer(9);
        runStep(instance);

        assertThat(stageChanges).containsExactly("EVANGELIST: Promoter: NPS 9 or 10");
        assertThat(instance).isEnded().hasPassed("EndEvent_Evangelist");
    }

    @Test
    void aDetractorGetsACallFromCustomerSuccess() {
        ProcessInstance instance = surveyed();

        answer(4);

        assertThat(instance).isWaitingAt("Task_CallDetractor");
        Task call = task(instance);
        assertThat(call).hasName("Call back Ada Lovelace (Acme) (NPS 4)").hasCandidateGroup("success");
        complete(call, withVariables("successNote", "Onboarding call booked"));
        assertThat(stageChanges).isEmpty();
        assertThat(instance).isEnded().hasPassed("EndEvent_DetractorCalled");
    }

    @Test
    void aPassiveAnswerChangesNothing() {
        ProcessInstance instance = surveyed();

        answer(7);

        assertThat(stageChanges).isEmpty();
        assertThat(instance).isEnded().hasPassed("EndEvent_Passive");
    }

    @Test
    void noAnswerWithinThirtyDaysEndsTheSurvey() {
        ProcessInstance instance = surveyed();

        ClockUtil.setCurrentTime(Date.from(START.plusSeconds(45L * 24 * 3600)));
        execute(dueTimer());

        assertThat(instance).isEnded().hasPassed("EndEvent_NoAnswer");
    }

    @Test
    void anAnswerWithoutASurveyStartsAtTheScore() {
        ProcessInstance instance = runtimeService().createProcessInstanceByKey("customer-advocacy")
                .businessKey(CONTACT_ID).setVariables(context().putValue("npsScore", 10))
                .startBeforeActivity("Gateway_NpsScore").execute();
        runStep(instance);

        assertThat(stageChanges).containsExactly("EVANGELIST: Promoter: NPS 9 or 10");
        assertThat(mails).isEmpty();
    }

    /** A new customer, two weeks later, with the survey sent. */
    private ProcessInstance surveyed() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("customer-advocacy", CONTACT_ID,
                context());
        assertThat(instance).isWaitingAt("Timer_SurveyDelay");
        assertThat(managementService().createJobQuery().timers().executable().count()).isZero();

        ClockUtil.setCurrentTime(Date.from(START.plusSeconds(14L * 24 * 3600 + 60)));
        execute(dueTimer());
        runStep(instance);

        assertThat(mails).containsExactly("nps-survey: How likely are you to recommend us?");
        assertThat(instance).isWaitingAt("Task_WaitForNpsAnswer");
        return instance;
    }

    private static void answer(int score) {
        runtimeService().createMessageCorrelation("NpsSubmitted").processInstanceBusinessKey(CONTACT_ID)
                .setVariable("npsScore", score).correlateWithResult();
    }

    private static Job dueTimer() {
        return managementService().createJobQuery().timers().executable().singleResult();
    }

    private static void runStep(ProcessInstance instance) {
        execute(managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult());
    }

    private static org.camunda.bpm.engine.variable.VariableMap context() {
        return Variables.createVariables().putValue("contactId", CONTACT_ID)
                .putValue("contactName", "Ada Lovelace").putValue("contactLabel", "Ada Lovelace (Acme)")
                .putValue("company", "Acme").putValue("firstName", "Ada");
    }
}
