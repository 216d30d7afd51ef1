package io.nurture.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.nurture.process.ProcessVariables;

/** "End A/B split" in Modeler, on the gateway where the branches meet: later sends belong to no variant. */
@Component("endSplit")
class EndSplitListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        execution.removeVariable(ProcessVariables.VARIANT);
    }
}
