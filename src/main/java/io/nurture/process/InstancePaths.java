package io.nurture.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

import io.nurture.process.ContactProcesses.Passage;
import io.nurture.process.ContactProcesses.Path;

/**
 * The way one instance went through its diagram, from the engine's history: the activities it passed, the sequence
 * flows it took, where it waits now. Camunda 7 keeps no history of taken flows: they are derived from the model and
 * the order in which its activities ran.
 */
@Component
class InstancePaths {

    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    /** Per process definition id (a deployed version never changes): its BPMN XML, empty when deleted. */
    private final Map<String, Optional<String>> xmlByDefinition = new ConcurrentHashMap<>();

    InstancePaths(HistoryService history, RuntimeService runtime, RepositoryService repository) {
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
    }

    Path of(HistoricProcessInstance instance) {
        List<HistoricActivityInstance> ran = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list();
        Optional<String> xml = xmlByDefinition.computeIfAbsent(instance.getProcessDefinitionId(), this::xml);
        return new Path(instance.getId(), instance.getProcessDefinitionKey(), instance.getProcessDefinitionId(),
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                instance.getState(), instant(instance.getStartTime()), instant(instance.getEndTime()),
                xml.orElse(null), passages(ran), xml.isEmpty() ? List.of() : takenFlows(instance.getProcessDefinitionId(), ran),
                instance.getEndTime() == null ? waitingOutsideMultiInstanceBodies(instance.getId()) : List.of());
    }

    /** One passage per activity, in the order it was first reached; {@code times} counts its rounds in a loop. */
    private static List<Passage> passages(List<HistoricActivityInstance> ran) {
        Map<String, List<HistoricActivityInstance>> byActivity = new LinkedHashMap<>();
        for (HistoricActivityInstance activity : ran) {
            if (!activity.getActivityId().contains("#")) { // a multi-instance body, not a diagram element
                byActivity.computeIfAbsent(activity.getActivityId(), id -> new ArrayList<>()).add(activity);
            }
        }
        return byActivity.values().stream().map(rounds -> {
            HistoricActivityInstance first = rounds.get(0);
            HistoricActivityInstance last = rounds.get(rounds.size() - 1);
            return new Passage(first.getActivityId(), first.getActivityName(), first.getActivityType(),
                    rounds.size(), instant(first.getStartTime()), instant(last.getEndTime()));
        }).toList();
    }

    /**
     * A flow is taken when a round of its target came after a round of its source (in the history's order of
     * occurrence) and started once that round had ended.
     */
    private List<String> takenFlows(String processDefinitionId, List<HistoricActivityInstance> ran) {
        Map<String, List<Integer>> roundsByActivity = new LinkedHashMap<>();
        for (int i = 0; i < ran.size(); i++) {
            roundsByActivity.computeIfAbsent(ran.get(i).getActivityId(), id -> new ArrayList<>()).add(i);
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
        List<String> taken = new ArrayList<>();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            List<Integer> sources = roundsByActivity.getOrDefault(flow.getSource().getId(), List.of());
            List<Integer> targets = roundsByActivity.getOrDefault(flow.getTarget().getId(), List.of());
            if (sources.stream().anyMatch(source -> targets.stream().anyMatch(
                    target -> target > source && follows(ran.get(target), ran.get(source))))) {
                taken.add(flow.getId());
            }
        }
        return taken;
    }

    private static boolean follows(HistoricActivityInstance target, HistoricActivityInstance source) {
        return source.getEndTime() != null && !target.getStartTime().before(source.getEndTime());
    }

    /**
     * The innermost activities of a running instance, where it waits (one per parallel branch, before or after an
     * asynchronous step too); none once it ended.
     */
    List<String> waiting(String instanceId) {
        ActivityInstance tree = runtime.getActivityInstance(instanceId);
        if (tree == null) {
            return List.of();
        }
        Set<String> waiting = new LinkedHashSet<>();
        Deque<ActivityInstance> scopes = new ArrayDeque<>(List.of(tree));
        while (!scopes.isEmpty()) {
            ActivityInstance scope = scopes.pop();
            for (TransitionInstance beforeOrAfter : scope.getChildTransitionInstances()) {
                waiting.add(beforeOrAfter.getActivityId());
            }
            if (scope != tree && scope.getChildActivityInstances().length == 0
                    && scope.getChildTransitionInstances().length == 0) {
                waiting.add(scope.getActivityId());
            }
            scopes.addAll(List.of(scope.getChildActivityInstances()));
        }
        return List.copyOf(waiting);
    }

    private List<String> waitingOutsideMultiInstanceBodies(String instanceId) {
        return waiting(instanceId).stream().filter(id -> !id.contains("#")).toList();
    }

    private Optional<String> xml(String processDefinitionId) {
        try (InputStream model = repository.getProcessModel(processDefinitionId)) {
            return Optional.of(new String(model.readAllBytes(), StandardCharsets.UTF_8));
        } catch (ProcessEngineException e) {
            // a finished instance's version whose deployment was deleted without its history
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
