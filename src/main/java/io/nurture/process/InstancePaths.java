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
 * flows it took, where it waits now. Camunda 7 keeps no history of taken flows: a flow counts as taken when its
 * target started at or after its source first ended.
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
                instance.getEndTime() == null ? waiting(instance.getId()) : List.of());
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

    private List<String> takenFlows(String processDefinitionId, List<HistoricActivityInstance> ran) {
        Map<String, Instant> firstEnded = new LinkedHashMap<>();
        Map<String, Instant> lastStarted = new LinkedHashMap<>();
        for (HistoricActivityInstance activity : ran) {
            if (activity.getEndTime() != null) {
                firstEnded.merge(activity.getActivityId(), activity.getEndTime().toInstant(),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
            lastStarted.merge(activity.getActivityId(), activity.getStartTime().toInstant(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
        List<String> taken = new ArrayList<>();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            Instant sourceEnded = firstEnded.get(flow.getSource().getId());
            Instant targetStarted = lastStarted.get(flow.getTarget().getId());
            if (sourceEnded != null && targetStarted != null && !targetStarted.isBefore(sourceEnded)) {
                taken.add(flow.getId());
            }
        }
        return taken;
    }

    /** The innermost activities of a running instance, where it waits (one per parallel branch). */
    private List<String> waiting(String instanceId) {
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
        waiting.removeIf(id -> id.contains("#"));
        return List.copyOf(waiting);
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
