package io.nurture.handoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Return task to pool" in Modeler: unclaims the open user task {@code userTask} so any SDR can pick it up. */
@Component("returnTaskToPool")
class ReturnTaskToPoolDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        OpenUserTask.of(execution).filter(task -> task.getAssignee() != null).ifPresent(task -> execution
                .getProcessEngineServices().getTaskService().setAssignee(task.getId(), null));
    }
}
