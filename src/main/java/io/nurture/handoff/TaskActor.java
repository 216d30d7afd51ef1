package io.nurture.handoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.nurture.process.ProcessKeys;
import io.nurture.process.ProcessVariables;

/**
 * Remembers who completed a user task (variable {@code lastActor}), so the asynchronous steps after it can name that
 * person in the stage ledger.
 */
@Component("recordTaskActor")
class TaskActor implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String actor = authentication != null ? authentication.getUserId() : task.getAssignee();
        if (actor != null) {
            task.getExecution().setVariable(ProcessVariables.LAST_ACTOR, actor);
        }
    }

    static String of(DelegateExecution execution) {
        Object actor = execution.getVariable(ProcessVariables.LAST_ACTOR);
        return actor != null ? actor.toString() : "process:" + ProcessKeys.keyOf(execution);
    }
}
