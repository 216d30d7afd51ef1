package io.nurture.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;

import io.nurture.migration.MigrationDryRun.InvalidMapping;
import io.nurture.migration.MigrationDryRun.Mapping;
import io.nurture.migration.MigrationDryRun.SourceVersion;
import io.nurture.migration.MigrationDryRun.Unmapped;

/**
 * Moves running instances of a campaign's older versions to a newer one. The plan maps the steps of equal id;
 * instances waiting in a step without counterpart stay where they are. The batch skips listeners and input/output
 * mappings, and a mapped timer or async send keeps its job: a wait keeps its due date and no step runs twice.
 */
@Service
public class CampaignMigrations {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;

    CampaignMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
            HistoryService history) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
    }

    /** The dry run: for each version older than {@code toVersion} (null: the latest) with running instances. */
    public MigrationDryRun dryRun(String campaign, Integer toVersion) {
        List<ProcessDefinition> versions = versions(campaign);
        ProcessDefinition target = target(campaign, versions, toVersion, "to");
        List<SourceVersion> sources = new ArrayList<>();
        for (ProcessDefinition source : versions) {
            if (source.getVersion() < target.getVersion()) {
                long instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
                if (instances > 0) {
                    sources.add(examine(source, target, instances).version());
                }
            }
        }
        return new MigrationDryRun(campaign, target.getVersion(), sources);
    }

    /** Starts the batch that moves the movable instances of {@code fromVersion}. */
    public MigrationStarted migrate(String campaign, MigrationRequest request) {
        if (request == null || request.fromVersion() == null) {
            throw MigrationRefusal.invalid("fromVersion is required: the version whose instances should move");
        }
        List<ProcessDefinition> versions = versions(campaign);
        ProcessDefinition target = target(campaign, versions, request.toVersion(), "toVersion");
        ProcessDefinition source = version(campaign, versions, request.fromVersion(), "fromVersion");
        if (source.getVersion() >= target.getVersion()) {
            throw MigrationRefusal.invalid("fromVersion " + source.getVersion() + " must be older than toVersion "
                    + target.getVersion());
        }
        long instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        Examined examined = examine(source, target, instances);
        if (examined.plan() == null) {
            throw MigrationRefusal.conflict("Camunda refuses the mapping from version " + source.getVersion()
                    + " to " + target.getVersion() + ": " + examined.version().invalidMappings());
        }
        List<String> movable = movableInstances(source, examined.stuckIn());
        if (movable.isEmpty()) {
            throw MigrationRefusal.conflict("No running instance of " + campaign + " version " + source.getVersion()
                    + " can move to version " + target.getVersion());
        }
        Batch batch = runtime.newMigration(examined.plan()).processInstanceIds(movable).skipCustomListeners()
                .skipIoMappings().executeAsync();
        return new MigrationStarted(batch.getId(), campaign, source.getVersion(), target.getVersion(),
                movable.size());
    }

    /** A migration batch's progress, running or finished. */
    public MigrationProgress progress(String batchId) {
        Batch running = management.createBatchQuery().batchId(batchId).singleResult();
        if (running != null && Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(running.getType())) {
            BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
            // every instance moved once no job remains; the batch itself ends at the monitor job's next poll
            return new MigrationProgress(batchId, statistics.getTotalJobs(), statistics.getCompletedJobs(),
                    statistics.getFailedJobs(), statistics.getRemainingJobs(), statistics.getRemainingJobs() == 0);
        }
        HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
        if (done == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(done.getType())) {
            throw MigrationRefusal.notFound("No migration batch " + batchId);
        }
        // a batch ends only when every job succeeded: failed jobs keep it running
        boolean finished = done.getEndTime() != null;
        return new MigrationProgress(batchId, done.getTotalJobs(), finished ? done.getTotalJobs() : 0, 0,
                finished ? 0 : done.getTotalJobs(), finished);
    }

    private record Examined(SourceVersion version, MigrationPlan plan, Set<String> stuckIn) {
    }

    private Examined examine(ProcessDefinition source, ProcessDefinition target, long instances) {
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException refused) {
            List<InvalidMapping> invalid = refused.getValidationReport().getInstructionReports().stream()
                    .map(report -> new InvalidMapping(report.getMigrationInstruction().getSourceActivityId(),
                            report.getMigrationInstruction().getTargetActivityId(), report.getFailures()))
                    .toList();
            return new Examined(new SourceVersion(source.getVersion(), source.getId(), instances, 0, List.of(),
                    List.of(), invalid), null, Set.of());
        }
        List<Mapping> mappings = plan.getInstructions().stream()
                .map(instruction -> new Mapping(instruction.getSourceActivityId(), instruction.getTargetActivityId()))
                .toList();
        Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        Set<String> inTarget = flowNodes(target).stream().map(FlowNode::getId).collect(Collectors.toSet());
        // a gateway or an end event kept in the new version is not mapped either, but no instance waits there
        List<Unmapped> unmapped = flowNodes(source).stream().filter(node -> !mapped.contains(node.getId()))
                .map(node -> new Unmapped(node.getId(), node.getName(), waitingIn(source, List.of(node.getId()))))
                .filter(node -> !inTarget.contains(node.activityId()) || node.waiting() > 0)
                .toList();
        Set<String> stuckIn = unmapped.stream().filter(node -> node.waiting() > 0).map(Unmapped::activityId)
                .collect(Collectors.toSet());
        long movable = instances - waitingIn(source, stuckIn);
        return new Examined(new SourceVersion(source.getVersion(), source.getId(), instances, movable, mappings,
                unmapped, List.of()), plan, stuckIn);
    }

    private Collection<FlowNode> flowNodes(ProcessDefinition definition) {
        return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class);
    }

    /** How many instances of the version wait in any of these steps (each counted once). */
    private long waitingIn(ProcessDefinition source, Collection<String> activityIds) {
        return activityIds.isEmpty() ? 0
                : runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                        .activityIdIn(activityIds.toArray(String[]::new)).count();
    }

    private List<String> movableInstances(ProcessDefinition source, Set<String> stuckIn) {
        Set<String> stuck = stuckIn.isEmpty() ? Set.of()
                : runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                        .activityIdIn(stuckIn.toArray(String[]::new)).list().stream().map(ProcessInstance::getId)
                        .collect(Collectors.toSet());
        return runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list().stream()
                .map(ProcessInstance::getId).filter(id -> !stuck.contains(id)).toList();
    }

    private List<ProcessDefinition> versions(String campaign) {
        List<ProcessDefinition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(campaign)
                .withoutTenantId().orderByProcessDefinitionVersion().asc().list();
        if (versions.isEmpty()) {
            throw MigrationRefusal.notFound("No campaign with the key '" + campaign + "'");
        }
        return versions;
    }

    private static ProcessDefinition target(String campaign, List<ProcessDefinition> versions, Integer version,
            String field) {
        return version == null ? versions.get(versions.size() - 1) : version(campaign, versions, version, field);
    }

    private static ProcessDefinition version(String campaign, List<ProcessDefinition> versions, int version,
            String field) {
        return versions.stream().filter(definition -> definition.getVersion() == version).findFirst()
                .orElseThrow(() -> MigrationRefusal.notFound(field + ": campaign '" + campaign + "' has no version "
                        + version + " (versions " + versions.get(0).getVersion() + " to "
                        + versions.get(versions.size() - 1).getVersion() + ")"));
    }
}
