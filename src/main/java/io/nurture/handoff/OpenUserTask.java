package io.nurture.handoff;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

import io.nurture.process.ProcessVariables;

/** The still-open user task (input {@code userTask}: its activity id) that an SLA step acts on. */
final class OpenUserTask {

    private OpenUserTask() {
    }

    static Optional<Task> of(DelegateExecution execution) {
        String activityId = (String) execution.getVariableLocal(ProcessVariables.USER_TASK);
        return Optional.ofNullable(execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(activityId).singleResult());
    }
}
