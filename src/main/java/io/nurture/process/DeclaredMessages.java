package io.nurture.process;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The message names the deployed diagrams declare, every version of each: a contact's event whose message no diagram
 * declares ({@code event:page_view}, usually) can have no subscription to find, so {@link ContactProcesses#announce}
 * skips the engine's subscription query for it. Looked again after each deployment here and at least every
 * {@link #REFRESH} (a deployment through another node of a cluster). A diagram whose message name is an expression
 * could subscribe to any name, so then every name counts as declared.
 */
@Component
class DeclaredMessages {

    static final Duration REFRESH = Duration.ofSeconds(1);

    private final RepositoryService repository;
    private final DeploymentGenerations deployments;
    private final LongSupplier nanoTime;
    private volatile Snapshot snapshot;

    @Autowired
    DeclaredMessages(RepositoryService repository, DeploymentGenerations deployments) {
        this(repository, deployments, System::nanoTime);
    }

    DeclaredMessages(RepositoryService repository, DeploymentGenerations deployments, LongSupplier nanoTime) {
        this.repository = repository;
        this.deployments = deployments;
        this.nanoTime = nanoTime;
    }

    /** False only when no deployed diagram can subscribe to {@code name}. */
    boolean mayBeDeclared(String name) {
        Snapshot current = current();
        return current.anyName() || current.names().contains(name);
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        long now = nanoTime.getAsLong();
        long generation = deployments.generation();
        if (known != null && known.generation() == generation && now - known.checkedAt() < REFRESH.toNanos()) {
            return known;
        }
        Deployed deployed = deployed();
        Snapshot fresh = known != null && known.deployed().equals(deployed)
                ? new Snapshot(deployed, known.names(), known.anyName(), generation, now)
                : read(deployed, generation, now);
        snapshot = fresh;
        return fresh;
    }

    /** Enough to tell that the definitions changed: how many, and the newest. */
    private Deployed deployed() {
        List<ProcessDefinition> newest = repository.createProcessDefinitionQuery().orderByDeploymentTime().desc()
                .orderByProcessDefinitionId().asc().listPage(0, 1);
        return new Deployed(repository.createProcessDefinitionQuery().count(),
                newest.isEmpty() ? null : newest.get(0).getId());
    }

    private Snapshot read(Deployed deployed, long generation, long now) {
        Set<String> names = new HashSet<>();
        boolean anyName = false;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            for (Message message : repository.getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(Message.class)) {
                String name = message.getName();
                if (name != null) {
                    names.add(name);
                    anyName |= name.contains("${") || name.contains("#{");
                }
            }
        }
        return new Snapshot(deployed, Set.copyOf(names), anyName, generation, now);
    }

    private record Deployed(long definitions, String newest) {
    }

    private record Snapshot(Deployed deployed, Set<String> names, boolean anyName, long generation, long checkedAt) {
    }
}
