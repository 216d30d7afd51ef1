package io.nurture.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.springframework.stereotype.Service;

import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.ScoreQualification;
import io.nurture.simulation.SimulationResult.PersonaTimeline;

/**
 * Runs a simulation: copies the campaign (a deployed version, or the uploaded diagram) and the marketer's current
 * decision tables into the simulator's engine as a deployment of its own, lives each persona through it, and removes
 * that deployment again. Reads Nurture's repository; writes nothing of Nurture's.
 */
@Service
public class Simulator {

    /** Simulations at once; each holds a request thread for its seconds. */
    static final int CONCURRENT = 2;
    /** The longest one simulation may run, all personas together. */
    static final java.time.Duration TIME_BUDGET = java.time.Duration.ofSeconds(20);

    private final SimulationEngine engines;
    private final RepositoryService nurtureRepository;
    private final SimulationRequests requests;
    private final Funnel funnel;
    private final ScoreQualification qualification;
    private final Semaphore capacity = new Semaphore(CONCURRENT);

    Simulator(SimulationEngine engines, RepositoryService nurtureRepository, SimulationRequests requests,
            Funnel funnel, ScoreQualification qualification) {
        this.engines = engines;
        this.nurtureRepository = nurtureRepository;
        this.requests = requests;
        this.funnel = funnel;
        this.qualification = qualification;
    }

    /** The campaigns one may simulate: each deployed process key at its latest version. */
    public List<Campaign> campaigns() {
        return nurtureRepository.createProcessDefinitionQuery().latestVersion().withoutTenantId()
                .orderByProcessDefinitionKey().asc().list().stream()
                .map(definition -> new Campaign(definition.getKey(), definition.getName() == null
                        ? definition.getKey() : definition.getName(), definition.getVersion()))
                .toList();
    }

    public record Campaign(String key, String name, int version) {
    }

    /** The preset personas, as a marketer picks them. */
    public List<Preset> presets() {
        return Personas.presets().entrySet().stream().map(preset -> new Preset(preset.getKey(),
                preset.getValue().name(), preset.getValue().profile().fitScore(),
                preset.getValue().engagement().opens(), preset.getValue().engagement().clicks())).toList();
    }

    public record Preset(String preset, String name, int fitScore, double opens, double clicks) {
    }

    public SimulationResult simulate(SimulationRequest request) {
        SimulationPlan plan = requests.plan(request);
        if (!capacity.tryAcquire()) {
            throw SimulationRefusal.busy();
        }
        try {
            return run(plan);
        } finally {
            capacity.release();
        }
    }

    private SimulationResult run(SimulationPlan plan) {
        ProcessEngine engine = engines.engine();
        // the version copied is the version reported, even if a newer one is deployed meanwhile
        ProcessDefinition deployed = plan.bpmn() == null ? deployedDefinition(plan) : null;
        Deployment deployment = deploy(engine, plan, deployed);
        try {
            List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery()
                    .deploymentId(deployment.getId()).list();
            if (definitions.size() != 1) {
                throw SimulationRefusal.invalid("bpmn", "must hold exactly one executable process, holds "
                        + definitions.size());
            }
            ProcessDefinition definition = definitions.get(0);
            Map<String, String> tables = new HashMap<>();
            engine.getRepositoryService().createDecisionDefinitionQuery().deploymentId(deployment.getId()).list()
                    .forEach(table -> tables.put(table.getKey(), table.getId()));
            ContactLife life = new ContactLife(funnel, qualification,
                    new SimulatedDecisions(engine.getDecisionService(), tables));
            Diagram diagram = Diagram.of(engine.getRepositoryService().getBpmnModelInstance(definition.getId()));
            long deadline = System.nanoTime() + TIME_BUDGET.toNanos();
            List<PersonaTimeline> timelines = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            for (Persona persona : plan.personas()) {
                CampaignRun run = new CampaignRun(engine, definition, diagram, plan, persona, life, deadline);
                timelines.add(run.live());
                findings.addAll(run.findings());
            }
            return new SimulationResult(definition.getKey(), definition.getName(),
                    deployed == null ? null : deployed.getVersion(), deployed == null ? "uploaded" : "deployed",
                    plan.start(), plan.days(), timelines, findings);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true, true, true);
        }
    }

    /** {@code deployed}: the campaign's version in Nurture to copy; null runs the plan's uploaded diagram. */
    private Deployment deploy(ProcessEngine engine, SimulationPlan plan, ProcessDefinition deployed) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("simulation");
        if (deployed == null) {
            builder.addString("uploaded.bpmn", plan.bpmn());
        } else {
            builder.addInputStream(deployed.getKey() + ".bpmn", nurtureRepository.getProcessModel(deployed.getId()));
        }
        Set<String> copied = new HashSet<>();
        for (String key : SimulatedDecisions.ALL) {
            DecisionDefinition table = nurtureRepository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .withoutTenantId().latestVersion().singleResult();
            if (table != null && copied.add(table.getDeploymentId() + "/" + table.getResourceName())) {
                builder.addString(key + ".dmn", read(nurtureRepository.getDecisionModel(table.getId())));
            }
        }
        try {
            return builder.deploy();
        } catch (ProcessEngineException e) {
            if (deployed != null) {
                throw e;
            }
            throw SimulationRefusal.invalid("bpmn", "not a diagram Nurture would deploy: " + e.getMessage());
        }
    }

    private ProcessDefinition deployedDefinition(SimulationPlan plan) {
        ProcessDefinitionQuery query = nurtureRepository.createProcessDefinitionQuery()
                .processDefinitionKey(plan.campaign()).withoutTenantId();
        ProcessDefinition definition = (plan.version() == null ? query.latestVersion()
                : query.processDefinitionVersion(plan.version())).singleResult();
        if (definition == null) {
            throw SimulationRefusal.notFound("No campaign '" + plan.campaign() + "'"
                    + (plan.version() == null ? "" : " in version " + plan.version()) + " is deployed");
        }
        return definition;
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
