package io.nurture.scoring;

import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import io.nurture.event.EventType;
import io.nurture.process.MarketerDecisions;

/**
 * Points per event come from the marketer's DMN table {@code behaviour-score} (hit policy COLLECT SUM) over the event
 * type and a few of its properties; the latest deployed version is used, so a redeployed table scores the next event.
 */
@Service
public class BehaviourScoring {

    static final String DECISION_KEY = "behaviour-score";

    private final MarketerDecisions decisions;

    BehaviourScoring(MarketerDecisions decisions) {
        this.decisions = decisions;
    }

    /** {@code visitsBefore}: the contact's page views before this event. */
    public int pointsFor(EventType type, Map<String, Object> properties, long visitsBefore) {
        Map<String, Object> props = properties == null ? Map.of() : properties;
        var result = decisions.evaluate(DECISION_KEY, Variables.createVariables()
                .putValue("eventType", type.wireName())
                .putValue("pagePath", props.get("page") instanceof String page ? page : null)
                .putValue("visitsBefore", (int) Math.min(visitsBefore, Integer.MAX_VALUE))
                .putValue("attendedMinutes", props.get("minutes") instanceof Integer minutes ? minutes : 0));
        return DecisionResults.sumOf(result, "points");
    }
}
