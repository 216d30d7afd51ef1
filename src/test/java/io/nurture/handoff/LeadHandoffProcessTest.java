package io.nurture.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hand-off of an MQL to sales (processes/lead-handoff.bpmn), every path through it.
 * Delegates are mocked through the MockExpressionManager configured in camunda.cfg.xml.
 */
@Deployment(resources = {
        "processes/lead-handoff.bpmn",
        "processes/forms/qualify-lead.form",
        "processes/forms/accept-handoff.form" })
class LeadHandoffProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String CONTACT_ID = "c-42";

    private final List<StageChange> stageChanges = new ArrayList<>();
    private final List<String> disqualifications = new ArrayList<>();
    private final List<String> completedBy = new ArrayList<>();

    record StageChange(String contactId, String stage, String reason) {
    }

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        Mocks.register("setLifecycleStage", (JavaDelegate) execution -> stageChanges.add(new StageChange(
                execution.getProcessBusinessKey(),
                (String) execution.getVariableLocal("stage"),
                (String) execution.getVariableLocal("reason"))));
        Mocks.register("disqualifyContact", (JavaDelegate) execution -> disqualifications.add(
                execution.getProcessBusinessKey() + ": " + execution.getVariableLocal("reason")));
        Mocks.register("recordTaskActor", (TaskListener) task -> completedBy.add(task.getTaskDefinitionKey()));
        Mocks.register("requireRoutableDecision", (TaskListener) task -> { });
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void qualifiedAcceptedAndWonMakesACustomer() {
        ProcessInstance instance = startHandoff();

        qualifyAs(instance, "qualified");
        acceptHandoff(instance, true);
        assertThat(instance).variables().containsEntry("accepted", true).containsEntry("dealAmount", 25000);
        closeDeal(instance, "won");

        assertThat(stageChanges).containsExactly(
                new StageChange(CONTACT_ID, "SQL", "Qualified by SDR"),
                new StageChange(CONTACT_ID, "OPPORTUNITY", "Accepted by sales"),
                new StageChange(CONTACT_ID, "CUSTOMER", "Deal won"));
        assertThat(disqualifications).isEmpty();
        assertThat(completedBy).containsExactly("Task_QualifyLead", "Task_AcceptHandoff");
        assertThat(instance).isEnded().hasPassed("EndEvent_Customer");
    }

    @Test
    void qualifiedAcceptedAndLostGoesBackToNurture() {
        ProcessInstance instance = startHandoff();

        qualifyAs(instance, "qualified");
        acceptHandoff(instance, true);
        closeDeal(instance, "lost");

        assertThat(stageChanges).containsExactly(
                new StageChange(CONTACT_ID, "SQL", "Qualified by SDR"),
                new StageChange(CONTACT_ID, "OPPORTUNITY", "Accepted by sales"),
                new StageChange(CONTACT_ID, "LEAD", "Deal lost"));
        assertThat(instance).isEnded().hasPassed("Task_RecycleLostDeal", "EndEvent_DealLost")
                .hasNotPassed("Task_MoveToCustomer");
    }

    @Test
    void qualifiedButRejectedBySalesReturnsToMarketing() {
        ProcessInstance instance = startHandoff();

        qualifyAs(instance, "qualified");
        acceptHandoff(instance, false);

        assertThat(stageChanges).containsExactly(
                new StageChange(CONTACT_ID, "SQL", "Qualified by SDR"),
                new StageChange(CONTACT_ID, "LEAD", "Returned by sales"));
        assertThat(instance).isEnded().hasPassed("EndEvent_ReturnedToMarketing")
                .hasNotPassed("Task_MoveToOpportunity", "Event_DealClosed");
    }

    @Test
    void notYetQualifiedGoesBackToNurture() {
        ProcessInstance instance = startHandoff();

        qualifyAs(instance, "nurture");

        assertThat(stageChanges).containsExactly(new StageChange(CONTACT_ID, "LEAD", "Sent back to nurture by SDR"));
        assertThat(instance).isEnded().hasPassed("EndEvent_BackToNurture")
                .hasNotPassed("Task_AcceptHandoff");
    }

    @Test
    void disqualifiedContactIsDisqualified() {
        ProcessInstance instance = startHandoff();

        qualifyAs(instance, "disqualified");

        assertThat(disqualifications).containsExactly(CONTACT_ID + ": Disqualified by SDR");
        assertThat(stageChanges).isEmpty();
        assertThat(instance).isEnded().hasPassed("EndEvent_Disqualified");
    }

    private ProcessInstance startHandoff() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("lead-handoff", CONTACT_ID, Map.of(
                "contactId", CONTACT_ID,
                "contactName", "Ada Lovelace",
                "contactLabel", "Ada Lovelace (Acme)",
                "company", "Acme",
                "source", "demo_requested",
                "score", 72,
                "lifecycleStage", "MQL",
                "recentEvents", "2026-11-20 pricing_page_view\n2026-11-22 demo_requested"));
        assertThat(instance).isStarted().hasBusinessKey(CONTACT_ID);
        return instance;
    }

    /** The SDR works the "Qualify …" task in Tasklist and picks an outcome. */
    private void qualifyAs(ProcessInstance instance, String outcome) {
        assertThat(instance).isWaitingAt("Task_QualifyLead");
        Task qualify = task(instance);
        assertThat(qualify).hasName("Qualify Ada Lovelace (Acme)").hasCandidateGroup("sdr").isNotAssigned();
        assertThat(qualify.getPriority()).isEqualTo(50);
        assertThat(deployedForm(qualify)).contains("\"id\": \"qualify-lead\"");

        complete(qualify, withVariables("outcome", outcome, "sdrNote", "Talked on the phone"));
        runServiceTask(instance);
    }

    /** Sales works the "Hand-off …" task in Tasklist. */
    private void acceptHandoff(ProcessInstance instance, boolean accepted) {
        assertThat(instance).isWaitingAt("Task_AcceptHandoff");
        Task handoff = task(instance);
        assertThat(handoff).hasName("Hand-off Ada Lovelace (Acme)").hasCandidateGroup("sales").isNotAssigned();
        assertThat(deployedForm(handoff)).contains("\"id\": \"accept-handoff\"");

        complete(handoff, withVariables("accepted", accepted, "dealAmount", 25000, "salesNote", ""));
        runServiceTask(instance);
    }

    /** What the Java side does on POST /api/contacts/{id}/deal. */
    private void closeDeal(ProcessInstance instance, String status) {
        assertThat(instance).isWaitingAt("Event_DealClosed");
        runtimeService().createMessageCorrelation("DealClosed")
                .processInstanceBusinessKey(CONTACT_ID)
                .setVariable("dealStatus", status)
                .setVariable("dealAmount", 30000)
                .correlateWithResult();
        runServiceTask(instance);
    }

    /** Every service task is asyncBefore: run its job, as the job executor would. */
    private void runServiceTask(ProcessInstance instance) {
        execute(job(instance));
    }

    private static String deployedForm(Task task) {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
