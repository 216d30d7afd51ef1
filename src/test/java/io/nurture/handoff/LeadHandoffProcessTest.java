package io.nurture.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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

import io.nurture.lifecycle.TestFunnels;

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
    private final List<String> recycled = new ArrayList<>();
    private final List<String> reminders = new ArrayList<>();

    private static final Date SLA_DUE = Date.from(Instant.parse("2026-11-24T10:00:00Z"));
    private static final Date RETURN_TO_POOL = Date.from(Instant.parse("2026-11-25T10:00:00Z"));

    record StageChange(String contactId, String stage, String reason) {
    }

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        Mocks.register("funnel", TestFunnels.defaults());
        Mocks.register("setLifecycleStage", (JavaDelegate) execution -> stageChanges.add(new StageChange(
                execution.getProcessBusinessKey(),
                (String) execution.getVariableLocal("stage"),
                (String) execution.getVariableLocal("reason"))));
        Mocks.register("disqualifyContact", (JavaDelegate) execution -> disqualifications.add(
                execution.getProcessBusinessKey() + ": " + execution.getVariableLocal("reason")));
        Mocks.register("recordTaskActor", (TaskListener) task -> completedBy.add(task.getTaskDefinitionKey()));
        Mocks.register("requireRoutableDecision", (TaskListener) task -> { });
        Mocks.register("recycleContact", (JavaDelegate) execution -> recycled.add(
                execution.getProcessBusinessKey() + ": " + execution.getVariableLocal("reason")));
        Mocks.register("remindTaskOwners", (JavaDelegate) execution -> reminders.add(
                execution.getVariableLocal("userTask") + " " + execution.getVariableLocal("template") + " "
                        + execution.getVariableLocal("subject")));
        Mocks.register("escalateTask", new EscalateTaskDelegate());
        Mocks.register("returnTaskToPool", new ReturnTaskToPoolDelegate());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T10:00:00Z")));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
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
                new StageChange(CONTACT_ID, "OPPORTUNITY", "Accepted by sales"));
        assertThat(recycled).containsExactly(CONTACT_ID + ": Deal lost");
        assertThat(instance).isEnded().hasPassed("Task_RecycleLostDeal", "EndEvent_DealLost")
                .hasNotPassed("Task_MoveToCustomer");
    }

    @Test
    void qualifiedButRejectedBySalesReturnsToMarketing() {
        ProcessInstance instance = startHandoff();

        qualifyAs(instance, "qualified");
        acceptHandoff(instance, false);

        assertThat(stageChanges).containsExactly(new StageChange(CONTACT_ID, "SQL", "Qualified by SDR"));
        assertThat(recycled).containsExactly(CONTACT_ID + ": Returned by sales");
        assertThat(instance).isEnded().hasPassed("EndEvent_ReturnedToMarketing")
                .hasNotPassed("Task_MoveToOpportunity", "Event_DealClosed");
    }

    @Test
    void notYetQualifiedGoesBackToNurture() {
        ProcessInstance instance = startHandoff();

        qualifyAs(instance, "nurture");

        assertThat(stageChanges).isEmpty();
        assertThat(recycled).containsExactly(CONTACT_ID + ": Sent back to nurture by SDR");
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

    @Test
    void anSdrTaskPastItsDueDateRemindsAndEscalatesToTheSdrLeadsButStaysOpen() {
        ProcessInstance instance = startHandoff();
        assertThat(dueTimers(instance)).isEmpty();

        ClockUtil.setCurrentTime(new Date(SLA_DUE.getTime() + 60_000));
        assertThat(dueTimers(instance)).extracting(Job::getDuedate).containsExactly(SLA_DUE);
        execute(dueTimers(instance).get(0));
        runServiceTask(instance); // reminder e-mail
        assertThat(reminders).containsExactly("Task_QualifyLead sdr-reminder Lead waiting: Ada Lovelace (Acme)");
        runServiceTask(instance); // escalation

        assertThat(instance).isWaitingAt("Task_QualifyLead").hasPassed("Task_EscalateToSdrLead", "EndEvent_Escalated");
        Task qualify = task(instance);
        assertThat(qualify).hasCandidateGroup("sdr").hasCandidateGroup("sdr-lead");
        assertThat(qualify.getPriority()).isEqualTo(100);
        qualifyAs(instance, "qualified");
        assertThat(stageChanges).containsExactly(new StageChange(CONTACT_ID, "SQL", "Qualified by SDR"));
    }

    @Test
    void aClaimedTaskStillNotWorkedAfterTheLongerLimitGoesBackToThePool() {
        ProcessInstance instance = startHandoff();
        taskService().claim(task(instance).getId(), "sdr");

        ClockUtil.setCurrentTime(new Date(RETURN_TO_POOL.getTime() + 60_000));
        List<Job> due = dueTimers(instance);
        assertThat(due).extracting(Job::getDuedate).containsExactlyInAnyOrder(SLA_DUE, RETURN_TO_POOL);
        execute(due.stream().filter(job -> job.getDuedate().equals(RETURN_TO_POOL)).findFirst().orElseThrow());
        runServiceTask(instance);

        assertThat(instance).isWaitingAt("Task_QualifyLead").hasPassed("EndEvent_ReturnedToPool");
        assertThat(task(instance)).isNotAssigned().hasCandidateGroup("sdr");
        qualifyAs(instance, "nurture");
    }

    private static List<Job> dueTimers(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers().executable().list();
    }

    private ProcessInstance startHandoff() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("lead-handoff", CONTACT_ID,
                Variables.createVariables()
                .putValue("contactId", CONTACT_ID)
                .putValue("contactName", "Ada Lovelace")
                .putValue("contactLabel", "Ada Lovelace (Acme)")
                .putValue("company", "Acme")
                .putValue("source", "demo_requested")
                .putValue("score", 72)
                .putValue("lifecycleStage", "MQL")
                .putValue("recentEvents", "2026-11-20 pricing_page_view\n2026-11-22 demo_requested")
                .putValue("routing", "Straight to an SDR")
                .putValue("routingReason", "Demo request: straight to an SDR")
                .putValue("taskPriority", 90)
                .putValue("sdrDueDate", SLA_DUE)
                .putValue("sdrReturnToPoolDate", RETURN_TO_POOL));
        assertThat(instance).isStarted().hasBusinessKey(CONTACT_ID);
        Task qualify = task(instance);
        assertThat(qualify.getPriority()).as("priority from the routing decision").isEqualTo(90);
        assertThat(qualify.getDueDate()).as("SDR SLA").isEqualTo(SLA_DUE);
        return instance;
    }

    /** The SDR works the "Qualify …" task in Tasklist and picks an outcome. */
    private void qualifyAs(ProcessInstance instance, String outcome) {
        assertThat(instance).isWaitingAt("Task_QualifyLead");
        Task qualify = task(instance);
        assertThat(qualify).hasName("Qualify Ada Lovelace (Acme)").hasCandidateGroup("sdr").isNotAssigned();
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

    /** Every service task is asyncBefore: run its job (not the SLA timers), as the job executor would. */
    private void runServiceTask(ProcessInstance instance) {
        execute(managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult());
    }

    private static String deployedForm(Task task) {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
