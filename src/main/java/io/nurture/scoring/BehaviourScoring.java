package io.nurture.scoring;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import io.nurture.event.EventType;

/** Points per event come from the marketer's DMN table {@code behaviour-score} (hit policy COLLECT SUM). */
@Service
public class BehaviourScoring {

    static final String DECISION_KEY = "behaviour-score";

    private final DecisionService decisions;

    BehaviourScoring(DecisionService decisions) {
        this.decisions = decisions;
    }

    public int pointsFor(EventType type) {
        var result = decisions.evaluateDecisionTableByKey(DECISION_KEY,
                Variables.createVariables().putValue("eventType", type.wireName()));
        if (result.isEmpty()) {
            return 0;
        }
        Object points = result.getSingleResult().getSingleEntry();
        return points == null ? 0 : ((Number) points).intValue();
    }
}
