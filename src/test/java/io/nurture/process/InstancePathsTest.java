package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.nurture.process.ContactProcesses.Passage;
import io.nurture.process.ContactProcesses.Path;

/**
 * The way an instance went, on a small diagram with a loop: start → review → "again?" → back to review, or on to
 * wrap up → end. Worked out by hand from the diagram and the moves made.
 */
class InstancePathsTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder().build();

    static final BpmnModelInstance LOOP = Bpmn.createExecutableProcess("loop").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Go").name("Go")
            .sequenceFlowId("Flow_Go_Review").userTask("Task_Review").name("Review")
            .sequenceFlowId("Flow_Review_Again").exclusiveGateway("Gateway_Again").name("Again?")
            .sequenceFlowId("Flow_Again").condition("again", "${again}").connectTo("Task_Review")
            .moveToNode("Gateway_Again")
            .sequenceFlowId("Flow_Done").condition("done", "${!again}").userTask("Task_Wrap").name("Wrap up")
            .sequenceFlowId("Flow_Wrap_End").endEvent("EndEvent_Done")
            .done();

    ProcessEngine engine;
    InstancePaths paths;
    String deployment;

    @BeforeEach
    void deploy() {
        deployment = engine.getRepositoryService().createDeployment().addModelInstance("loop.bpmn", LOOP).deploy()
                .getId();
        paths = new InstancePaths(engine.getHistoryService(), engine.getRuntimeService(),
                engine.getRepositoryService());
    }

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void aLoopCountsItsRoundsAndTakesTheWayBack() {
        String id = engine.getRuntimeService().startProcessInstanceByKey("loop", "contact-1").getId();
        review(id, true);
        review(id, false);

        Path path = paths.of(historic(id));

        assertThat(path.passed()).extracting(Passage::activityId, Passage::times).containsExactly(
                tuple("StartEvent_Go", 1),
                tuple("Task_Review", 2),
                tuple("Gateway_Again", 2),
                tuple("Task_Wrap", 1));
        assertThat(path.passed().get(1).name()).isEqualTo("Review");
        assertThat(path.passed().get(1).ended()).isNotNull();
        assertThat(path.passed().get(3).ended()).as("waiting there").isNull();
        assertThat(path.flows()).containsExactlyInAnyOrder("Flow_Go_Review", "Flow_Review_Again", "Flow_Again",
                "Flow_Done");
        assertThat(path.waiting()).containsExactly("Task_Wrap");
        assertThat(path.state()).isEqualTo("ACTIVE");
        assertThat(path.bpmnXml()).contains("id=\"Flow_Again\"");
    }

    @Test
    void straightThroughTheWayBackIsNotTaken() {
        String id = engine.getRuntimeService().startProcessInstanceByKey("loop", "contact-2").getId();
        review(id, false);
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id)
                .singleResult().getId());

        Path path = paths.of(historic(id));

        assertThat(path.passed()).extracting(Passage::activityId).containsExactly("StartEvent_Go", "Task_Review",
                "Gateway_Again", "Task_Wrap", "EndEvent_Done");
        assertThat(path.passed()).extracting(Passage::times).containsOnly(1);
        assertThat(path.flows()).containsExactlyInAnyOrder("Flow_Go_Review", "Flow_Review_Again", "Flow_Done",
                "Flow_Wrap_End");
        assertThat(path.waiting()).isEmpty();
        assertThat(path.state()).isEqualTo("COMPLETED");
        assertThat(path.ended()).isNotNull();
    }

    private void review(String instanceId, boolean again) {
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey("Task_Review").singleResult().getId();
        engine.getTaskService().complete(task, Map.of("again", again));
    }

    private HistoricProcessInstance historic(String instanceId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult();
    }
}
