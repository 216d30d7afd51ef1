package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.nurture.NurtureApplication;

/** Restarts Nurture on one H2 file: processes/ is deployed once, and a Modeler deployment survives the restart. */
class ProcessDeploymentIT {

    @TempDir
    Path data;

    @Test
    void aRestartWithUnchangedFilesDeploysNothingAndKeepsTheModelersVersion() {
        String modelerDeploymentId;
        long deploymentsAfterFirstStart;
        try (ConfigurableApplicationContext first = start()) {
            RepositoryService repository = first.getBean(RepositoryService.class);
            assertThat(latest(repository, "welcome").getVersion()).isEqualTo(1);
            assertThat(latest(repository, "lead-handoff").getVersion()).isEqualTo(1);
            assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("behaviour-score").count())
                    .isEqualTo(1);
            assertThat(repository.getResourceAsStream(latest(repository, "welcome").getDeploymentId(),
                    "forms/qualify-lead.form")).isNotNull();
            deploymentsAfterFirstStart = repository.createDeploymentQuery().count();

            String edited = new String(readWelcome(repository)).replace("name=\"Welcome series\"",
                    "name=\"Welcome series (edited in Modeler)\"");
            modelerDeploymentId = repository.createDeployment().name("welcome").source("Camunda Modeler")
                    .addString("welcome.bpmn", edited).deploy().getId();
        }

        try (ConfigurableApplicationContext second = start()) {
            RepositoryService repository = second.getBean(RepositoryService.class);
            ProcessDefinition welcome = latest(repository, "welcome");
            assertThat(welcome.getVersion()).isEqualTo(2);
            assertThat(welcome.getDeploymentId()).isEqualTo(modelerDeploymentId);
            assertThat(welcome.getName()).isEqualTo("Welcome series (edited in Modeler)");
            assertThat(latest(repository, "lead-handoff").getVersion()).isEqualTo(1);
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsAfterFirstStart + 1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(NurtureApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("nurture") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--nurture.inbox.smtp-port=0",
                        "--nurture.demo.enabled=false",
                        "--camunda.bpm.job-execution.enabled=false");
    }

    private static ProcessDefinition latest(RepositoryService repository, String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private static byte[] readWelcome(RepositoryService repository) {
        try (var in = repository.getProcessModel(latest(repository, "welcome").getId())) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
