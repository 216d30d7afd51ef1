package io.nurture.scoring;

import java.util.List;
import java.util.Map;

/** COLLECT SUM tables answer one summed entry, or nothing when no rule matched. */
final class DecisionResults {

    private DecisionResults() {
    }

    static int sumOf(List<Map<String, Object>> result, String output) {
        if (result.isEmpty()) {
            return 0;
        }
        Object points = result.get(0).get(output);
        return points == null ? 0 : ((Number) points).intValue();
    }
}
