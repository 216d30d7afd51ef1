package io.nurture.handoff;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a user task whose decision the next gateway cannot route (a missing or unknown
 * {@code outcome}): the task stays open and {@code /engine-rest} answers 400 (see {@link UnroutableDecisionMapper})
 * instead of the gateway's 500. The conditions are the diagram's own, so the allowed values live only there.
 */
@Component("requireRoutableDecision")
class RoutableDecisionCheck implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        for (SequenceFlow leaving : task.getBpmnModelElementInstance().getOutgoing()) {
            if (leaving.getTarget() instanceof ExclusiveGateway gateway && !canRoute(gateway, task)) {
                throw new UnroutableDecisionException("The decision does not match any path of '" + gateway.getName()
                        + "'; the paths need one of " + conditionsOf(gateway));
            }
        }
    }

    private static boolean canRoute(ExclusiveGateway gateway, DelegateTask task) {
        if (gateway.getDefault() != null) {
            return true;
        }
        ExpressionManager expressions = Context.getProcessEngineConfiguration().getExpressionManager();
        for (SequenceFlow path : ((FlowNode) gateway).getOutgoing()) {
            if (path.getConditionExpression() == null) {
                return true;
            }
            try {
                Object value = expressions.createExpression(path.getConditionExpression().getTextContent().trim())
                        .getValue(task.getExecution());
                if (Boolean.TRUE.equals(value)) {
                    return true;
                }
            } catch (RuntimeException missingOrWrongType) {
                // a variable the condition needs is absent or of another type: this path cannot be taken
            }
        }
        return false;
    }

    private static List<String> conditionsOf(ExclusiveGateway gateway) {
        List<String> conditions = new ArrayList<>();
        for (SequenceFlow path : ((FlowNode) gateway).getOutgoing()) {
            conditions.add(path.getConditionExpression().getTextContent().trim());
        }
        return conditions;
    }
}
