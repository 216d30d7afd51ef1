package io.nurture.handoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.contact.LifecycleStage;
import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.LifecycleService;
import io.nurture.process.ProcessVariables;

/**
 * "Set lifecycle stage" in Modeler: moves the contact (business key) to the input {@code stage}, a name from
 * {@code nurture.lifecycle.stages}. An unknown name fails the step with the configured stages, so it becomes an
 * incident in Cockpit once its retries are used up.
 */
@Component("setLifecycleStage")
class SetLifecycleStageDelegate implements JavaDelegate {

    private final LifecycleService lifecycle;
    private final Funnel funnel;

    SetLifecycleStageDelegate(LifecycleService lifecycle, Funnel funnel) {
        this.lifecycle = lifecycle;
        this.funnel = funnel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object input = execution.getVariableLocal(ProcessVariables.STAGE);
        LifecycleStage stage = funnel.parse(input == null ? null : input.toString());
        String reason = (String) execution.getVariableLocal(ProcessVariables.REASON);
        lifecycle.moveTo(execution.getBusinessKey(), stage, reason, TaskActor.of(execution));
    }
}
