package io.nurture.handoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.lifecycle.LifecycleService;
import io.nurture.process.ProcessVariables;

/**
 * "Recycle contact" in Modeler: back to nurture (the configured recycling stage, LEAD by default) with the configured
 * score penalty; the nurture campaigns pick the contact up from the stage change.
 */
@Component("recycleContact")
class RecycleContactDelegate implements JavaDelegate {

    private final LifecycleService lifecycle;

    RecycleContactDelegate(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.recycle(execution.getBusinessKey(), (String) execution.getVariableLocal(ProcessVariables.REASON),
                TaskActor.of(execution));
    }
}
