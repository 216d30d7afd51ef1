package io.nurture.handoff;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.process.ProcessVariables;

/**
 * "Escalate task" in Modeler: the open user task {@code userTask} also becomes visible to the candidate group
 * {@code group} (e.g. {@code sdr-lead}) and moves up in the queues by {@code priorityIncrease}.
 */
@Component("escalateTask")
class EscalateTaskDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String group = (String) execution.getVariableLocal(ProcessVariables.GROUP);
        Object increase = execution.getVariableLocal(ProcessVariables.PRIORITY_INCREASE);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        OpenUserTask.of(execution).ifPresent(task -> {
            tasks.addCandidateGroup(task.getId(), group);
            int raised = task.getPriority() + (increase == null ? 0 : Integer.parseInt(increase.toString()));
            tasks.setPriority(task.getId(), Math.min(100, raised));
        });
    }
}
