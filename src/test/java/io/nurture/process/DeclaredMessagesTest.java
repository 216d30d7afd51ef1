package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message counts as declared as soon as a diagram that declares it is deployed here, and within
 * {@link DeclaredMessages#REFRESH} when it was deployed through another node; old versions keep their names (their
 * instances may still wait), and an expression as a name makes every name count.
 */
class DeclaredMessagesTest {

    private static final DeploymentGenerations DEPLOYMENTS_HERE = new DeploymentGenerations();

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(engine()).build();

    private final AtomicLong nanoTime = new AtomicLong();
    private DeclaredMessages declared;

    private static ProcessEngine engine() {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("declared-messages-test");
        configuration.setJdbcUrl("jdbc:h2:mem:declared-messages-test;DB_CLOSE_DELAY=1000");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(DEPLOYMENTS_HERE);
        return configuration.buildProcessEngine();
    }

    @BeforeEach
    void declared() {
        declared = new DeclaredMessages(extension.getRepositoryService(), DEPLOYMENTS_HERE, nanoTime::get);
    }

    @AfterEach
    void undeploy() {
        extension.getRepositoryService().createDeploymentQuery().list()
                .forEach(d -> extension.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void onlyNamesADeployedDiagramDeclaresCount() {
        assertThat(declared.mayBeDeclared("event:page_view")).as("nothing deployed").isFalse();

        deploy(waitingFor("event:webinar_attended"));

        assertThat(declared.mayBeDeclared("event:webinar_attended")).isTrue();
        assertThat(declared.mayBeDeclared("event:page_view")).isFalse();
    }

    @Test
    void aDiagramDeployedThroughAnotherNodeCountsOnceLookedAtAgain() {
        DeclaredMessages otherNode = new DeclaredMessages(extension.getRepositoryService(),
                new DeploymentGenerations(), nanoTime::get);
        assertThat(otherNode.mayBeDeclared("event:trial_started")).isFalse();

        deploy(waitingFor("event:trial_started"));
        nanoTime.addAndGet(DeclaredMessages.REFRESH.toNanos() - 1);
        assertThat(otherNode.mayBeDeclared("event:trial_started")).as("within the refresh").isFalse();
        nanoTime.addAndGet(1);

        assertThat(otherNode.mayBeDeclared("event:trial_started")).isTrue();
    }

    @Test
    void anOlderVersionsMessagesStillCount() {
        deploy(waitingFor("event:demo_requested"));
        assertThat(declared.mayBeDeclared("event:demo_requested")).isTrue();

        deploy(waitingFor("event:trial_started"));

        assertThat(declared.mayBeDeclared("event:demo_requested")).as("version 1's instances may still wait")
                .isTrue();
        assertThat(declared.mayBeDeclared("event:trial_started")).isTrue();
    }

    @Test
    void aMessageNamedByAnExpressionMakesEveryNameCount() {
        deploy(waitingFor("event:${eventName}"));

        assertThat(declared.mayBeDeclared("event:page_view")).isTrue();
    }

    private static BpmnModelInstance waitingFor(String message) {
        return Bpmn.createExecutableProcess("waits").camundaHistoryTimeToLive(1).startEvent()
                .intermediateCatchEvent().message(message).endEvent().done();
    }

    private static void deploy(BpmnModelInstance diagram) {
        extension.getRepositoryService().createDeployment().addModelInstance("waits.bpmn", diagram).deploy();
    }
}
