package io.nurture.scoring;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

/** COLLECT SUM tables answer one summed entry, or nothing when no rule matched. */
final class DecisionResults {

    private DecisionResults() {
    }

    static int sumOf(DmnDecisionTableResult result, String output) {
        if (result.isEmpty()) {
            return 0;
        }
        Object points = result.getSingleResult().getEntry(output);
        return points == null ? 0 : ((Number) points).intValue();
    }
}
