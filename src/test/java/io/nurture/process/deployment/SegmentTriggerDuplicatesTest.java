package io.nurture.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nurture.process.IsolatedEngines;

/**
 * Duplicate filtering of a diagram with segment triggers, as {@code processes/} is deployed on every start (the Java
 * API, {@code enableDuplicateFiltering}), on an engine with the deployment check plugin (the simulator's kind).
 */
class SegmentTriggerDuplicatesTest {

    ProcessEngine engine;
    RepositoryService repository;

    @BeforeEach
    void engine() {
        engine = IsolatedEngines.inMemory("duplicates-" + UUID.randomUUID()).buildProcessEngine();
        repository = engine.getRepositoryService();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void anUnchangedFileIsNoNewVersionAndAChangedSegmentIs() {
        String diagram = new String(MaliciousDiagram.read("segment-trigger.bpmn"), StandardCharsets.UTF_8);

        deploy(diagram);
        deploy(diagram);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("segment-drip").count())
                .as("a restart with the unchanged file").isEqualTo(1);

        deploy(diagram.replace("High-fit DE", "High-fit AT"));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("segment-drip").count())
                .as("the segment changed").isEqualTo(2);
        deploy(diagram.replace("High-fit DE", "High-fit AT"));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("segment-drip").count()).isEqualTo(2);
    }

    private void deploy(String diagram) {
        repository.createDeployment().name("nurture-processes").source("processes/").enableDuplicateFiltering(true)
                .addInputStream("segment-drip.bpmn", new ByteArrayInputStream(diagram.getBytes(StandardCharsets.UTF_8)))
                .deploy();
    }
}
