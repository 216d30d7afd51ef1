package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Steps by the names the shipped diagrams give them, over a real deployment; the id where there is no name. */
@Deployment(resources = { "processes/welcome.bpmn", "processes/drip.bpmn" })
class StepNamesTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    ProcessEngine engine;
    String redeployment;

    @AfterEach
    void removeRedeployment() {
        if (redeployment != null) {
            engine.getRepositoryService().deleteDeployment(redeployment, true);
        }
    }

    @Test
    void aStepIsNamedAsInItsDiagram() {
        StepNames names = new StepNames(engine.getRepositoryService());

        assertThat(names.of("welcome", "Task_SendWelcomeEmail")).isEqualTo("Send welcome e-mail");
        assertThat(names.of("welcome", "Gateway_JoinCall")).isEqualTo("Series and call done");
        assertThat(names.in("drip").apply("Gateway_Dev1Next")).isEqualTo("Dev article 1 done");
        assertThat(names.of("drip", "Task_NoSuchStep")).as("unknown step").isEqualTo("Task_NoSuchStep");
        assertThat(names.of("no-such-campaign", "Task_Send")).as("unknown campaign").isEqualTo("Task_Send");
        assertThat(names.of(null, "Task_Send")).isEqualTo("Task_Send");
    }

    @Test
    void theLatestVersionThatHasTheStepNamesIt() {
        RepositoryService repository = engine.getRepositoryService();
        StepNames names = new StepNames(repository);
        redeployment = repository.createDeployment().addModelInstance("welcome.bpmn",
                Bpmn.createExecutableProcess("welcome").camundaHistoryTimeToLive(1)
                        .startEvent("StartEvent_NewLead").name("New lead")
                        .serviceTask("Task_SendWelcomeEmail").name("Say hello").camundaExpression("${true}")
                        .userTask("Task_Unnamed").endEvent().done())
                .deploy().getId();

        assertThat(names.of("welcome", "Task_SendWelcomeEmail")).isEqualTo("Say hello");
        assertThat(names.of("welcome", "Task_SendWebinarInvite")).as("only in the version before")
                .isEqualTo("Send webinar invitation");
        assertThat(names.of("welcome", "Task_Unnamed")).as("no name").isEqualTo("Task_Unnamed");
    }
}
