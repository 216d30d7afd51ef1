package io.nurture.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.process.ProcessVariables;

/** "Decay scores" in Modeler: one decay run over all contacts; the count lands in the variable {@code decayed}. */
@Component("decayScores")
class DecayScoresDelegate implements JavaDelegate {

    private final ScoreDecay decay;

    DecayScoresDelegate(ScoreDecay decay) {
        this.decay = decay;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProcessVariables.DECAYED, decay.decayInactiveContacts());
    }
}
