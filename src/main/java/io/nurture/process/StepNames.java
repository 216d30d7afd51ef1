package io.nurture.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * The names the marketer gave a diagram's steps in Modeler ("Send welcome e-mail"), for reports that keep a step's
 * id ({@code Task_SendWelcomeEmail}): a delivery's step, where an instance waits or ended. A step is named as in the
 * latest version of its diagram that has it; an unnamed or unknown step keeps its id.
 */
@Component
public class StepNames {

    private final RepositoryService repository;
    /** Per process definition id (a deployed version never changes): step id → name. */
    private final Map<String, Map<String, String>> namesByDefinition = new ConcurrentHashMap<>();

    StepNames(RepositoryService repository) {
        this.repository = repository;
    }

    /** The step's name in the latest version of {@code processKey} that has it, else {@code activityId}. */
    public String of(String processKey, String activityId) {
        return in(processKey).apply(activityId);
    }

    /** Names the steps of {@code processKey}, looking its versions up once (for a report of many steps). */
    public UnaryOperator<String> in(String processKey) {
        if (processKey == null) {
            return id -> id;
        }
        List<ProcessDefinition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .orderByProcessDefinitionVersion().desc().list();
        return activityId -> {
            if (activityId == null) {
                return null;
            }
            for (ProcessDefinition version : versions) {
                String name = names(version.getId()).get(activityId);
                if (name != null) {
                    return name;
                }
            }
            return activityId;
        };
    }

    /** The step's name in this very version, else {@code activityId}. */
    public String inDefinition(String processDefinitionId, String activityId) {
        if (activityId == null) {
            return null;
        }
        return names(processDefinitionId).getOrDefault(activityId, activityId);
    }

    private Map<String, String> names(String processDefinitionId) {
        return namesByDefinition.computeIfAbsent(processDefinitionId, id -> {
            BpmnModelInstance model;
            try {
                model = repository.getBpmnModelInstance(id);
            } catch (ProcessEngineException e) {
                // a finished instance's version whose deployment was deleted without its history
                return Map.of();
            }
            Map<String, String> names = new HashMap<>();
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node.getName() != null && !node.getName().isBlank()) {
                    names.put(node.getId(), node.getName().strip());
                }
            }
            return Map.copyOf(names);
        });
    }
}
