package io.nurture.handoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.lifecycle.LifecycleService;
import io.nurture.lifecycle.LifecycleStage;

/** "Set lifecycle stage" in Modeler: moves the contact (business key) to the input {@code stage}. */
@Component("setLifecycleStage")
class SetLifecycleStageDelegate implements JavaDelegate {

    private final LifecycleService lifecycle;

    SetLifecycleStageDelegate(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LifecycleStage stage = LifecycleStage.valueOf((String) execution.getVariableLocal("stage"));
        String reason = (String) execution.getVariableLocal("reason");
        lifecycle.moveTo(execution.getBusinessKey(), stage, reason, TaskActor.of(execution));
    }
}
