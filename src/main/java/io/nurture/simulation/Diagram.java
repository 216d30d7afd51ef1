package io.nurture.simulation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/** What the simulator reads from the diagram itself: each step's name, and the starts of its exit subprocesses. */
record Diagram(Map<String, String> names, Set<String> exitStarts) {

    static Diagram of(BpmnModelInstance model) {
        Map<String, String> names = new HashMap<>();
        Set<String> exitStarts = new HashSet<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            names.put(node.getId(), node.getName() == null || node.getName().isBlank() ? node.getId()
                    : node.getName().replaceAll("\\s+", " ").trim());
            if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess subprocess
                    && subprocess.triggeredByEvent()) {
                exitStarts.add(node.getId());
            }
        }
        return new Diagram(Map.copyOf(names), Set.copyOf(exitStarts));
    }

    String nameOf(String activityId) {
        return names.getOrDefault(activityId, activityId);
    }
}
