package io.nurture.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;

/**
 * On a real engine: only new deployments are checked. A version that is already in the database (deployed before
 * the check existed) still loads after a restart, but deploying it again is refused like any new file.
 */
class StoredDeploymentsTest {

    private final String database = "jdbc:h2:mem:stored-deployments-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void aStoredVersionStillLoadsAfterARestartButARedeployIsRefused() throws Exception {
        String deploymentId;
        String definitionId;
        ProcessEngine before = engine("before-the-check", List.of());
        try {
            deploymentId = before.getRepositoryService().createDeployment().name("old")
                    .addInputStream("java-class.bpmn", new ByteArrayInputStream(MaliciousDiagram.read("java-class.bpmn")))
                    .deploy().getId();
            definitionId = before.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("evil-java-class").singleResult().getId();
        } finally {
            before.close();
        }

        ProcessEngine checked = engine("with-the-check", List.of(new DeploymentCheckPlugin()));
        try {
            RepositoryService repository = checked.getRepositoryService();
            // a cold cache: the engine parses the stored deployment again through its deployers, the check included
            assertThat(repository.getProcessDefinition(definitionId).getKey()).isEqualTo("evil-java-class");
            assertThat(repository.getBpmnModelInstance(definitionId)).isNotNull();

            assertThatThrownBy(() -> repository.createDeployment().name("old again")
                    .addDeploymentResources(deploymentId).deploy())
                    .isInstanceOf(ParseException.class).hasMessageContaining("Task_RunClass");
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);

            repository.createDeployment().name("clean")
                    .addString("wait-for-engagement.bpmn",
                            Files.readString(Path.of("processes/wait-for-engagement.bpmn")))
                    .deploy();
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("wait-for-engagement").count())
                    .isEqualTo(1);
        } finally {
            checked.close();
        }
    }

    private ProcessEngine engine(String name, List<ProcessEnginePlugin> plugins) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName(name)
                .setJdbcUrl(database)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(plugins);
        return configuration.buildProcessEngine();
    }
}
