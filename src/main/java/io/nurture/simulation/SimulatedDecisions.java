package io.nurture.simulation;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The marketer's decision tables as deployed in Nurture, evaluated in the simulator's engine (so that no evaluation
 * lands in Nurture's decision history): behaviour points per event, the MQL threshold and lead routing, with the
 * same inputs {@code scoring.BehaviourScoring} and {@code lifecycle.MqlRules} give them.
 */
final class SimulatedDecisions {

    static final String BEHAVIOUR = "behaviour-score";
    static final String QUALIFICATION = "mql-qualification";
    static final String ROUTING = "lead-routing";
    static final List<String> ALL = List.of(BEHAVIOUR, QUALIFICATION, ROUTING);

    private final DecisionService decisions;
    private final Map<String, String> definitionIds;

    /** {@code definitionIds}: the simulation's own copy of each table, by key. */
    SimulatedDecisions(DecisionService decisions, Map<String, String> definitionIds) {
        this.decisions = decisions;
        this.definitionIds = definitionIds;
    }

    int pointsFor(String eventType, Map<String, Object> properties, int visitsBefore) {
        var result = evaluate(BEHAVIOUR, Variables.createVariables()
                .putValue("eventType", eventType)
                .putValue("pagePath", properties.get("page") instanceof String page ? page : null)
                .putValue("visitsBefore", visitsBefore)
                .putValue("attendedMinutes", properties.get("minutes") instanceof Integer minutes ? minutes : 0));
        return result.stream().map(rule -> rule.get("points")).filter(Number.class::isInstance)
                .mapToInt(points -> ((Number) points).intValue()).sum();
    }

    boolean qualifies(int score, int fitScore) {
        var result = evaluate(QUALIFICATION, Variables.createVariables().putValue("score", score)
                .putValue("fitScore", fitScore));
        return !result.isEmpty() && Boolean.TRUE.equals(result.get(0).get("qualified"));
    }

    /** The route's reason when the table sends this lead straight to an SDR, else null. */
    String straightToSdr(String eventType, String source) {
        var result = evaluate(ROUTING, Variables.createVariables().putValue("eventType", eventType)
                .putValue("source", source == null ? null : source.toLowerCase(java.util.Locale.ROOT)));
        if (result.isEmpty() || !"sdr".equals(result.get(0).get("route"))) {
            return null;
        }
        return String.valueOf(result.get(0).get("reason"));
    }

    private List<Map<String, Object>> evaluate(String key, Map<String, Object> inputs) {
        String definitionId = definitionIds.get(key);
        if (definitionId == null) {
            return List.of(); // not deployed in Nurture either: no points, no threshold, no routing
        }
        return decisions.evaluateDecisionTableById(definitionId, Variables.fromMap(inputs)).getResultList();
    }
}
