package io.nurture.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * Deploys the marketer's folder {@code processes/} (packed on the classpath) once, as the engine starts, under stable
 * resource names ({@code welcome.bpmn}, {@code forms/qualify-lead.form}). Duplicate filtering makes a restart with
 * unchanged files a no-op, so a newer version deployed from Modeler stays the latest.
 */
@Component
class ProcessDeployer extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_NAME = "nurture-processes";
    private static final String ROOT = "classpath:processes/";
    private static final String[] PATTERNS = { "**/*.bpmn", "**/*.dmn", "**/*.form" };
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final ResourcePatternResolver resources;

    ProcessDeployer(ResourceLoader resourceLoader) {
        this.resources = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("processes/")
                .enableDuplicateFiltering(true);
        List<String> names = new ArrayList<>();
        for (Resource resource : find()) {
            String name = relativeName(resource);
            try (InputStream in = resource.getInputStream()) {
                deployment.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name + " from processes/", e);
            }
            names.add(name);
        }
        DeploymentWithDefinitions result = deployment.deployWithResult();
        log.info("Deployed processes/ {}: {} new process definition(s), {} decision(s); resources {}", result.getId(),
                sizeOf(result.getDeployedProcessDefinitions()), sizeOf(result.getDeployedDecisionDefinitions()), names);
    }

    private List<Resource> find() {
        List<Resource> found = new ArrayList<>();
        try {
            for (String pattern : PATTERNS) {
                found.addAll(List.of(resources.getResources(ROOT + pattern)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list processes/ on the classpath", e);
        }
        return found;
    }

    private String relativeName(Resource resource) {
        try {
            String root = resources.getResource(ROOT).getURL().toString();
            String url = resource.getURL().toString();
            return url.startsWith(root) ? url.substring(root.length()) : resource.getFilename();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int sizeOf(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
