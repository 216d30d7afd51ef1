package io.nurture.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.process.ProcessKeys;
import io.nurture.scoring.ScoreComponent;
import io.nurture.scoring.Scores;

/**
 * "Update score" in Modeler: inputs {@code points} (may be negative) and {@code reason}. Adds behaviour points and a
 * score history row naming the campaign step; runs in the step's transaction, so a retry never counts twice.
 */
@Component("updateScore")
class UpdateScoreDelegate implements JavaDelegate {

    private final Scores scores;

    UpdateScoreDelegate(Scores scores) {
        this.scores = scores;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int points = Integer.parseInt(String.valueOf(execution.getVariableLocal("points")).trim());
        Object reason = execution.getVariableLocal("reason");
        String campaign = ProcessKeys.keyOf(execution);
        scores.addBehaviour(execution.getBusinessKey(), points, ScoreComponent.BEHAVIOUR,
                campaign + "/" + execution.getCurrentActivityId() + (reason == null ? "" : ": " + reason));
    }
}
