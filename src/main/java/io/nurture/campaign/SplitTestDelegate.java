package io.nurture.campaign;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.process.ProcessKeys;
import io.nurture.process.ProcessVariables;

/**
 * "A/B split" in Modeler: inputs {@code splitId} and {@code variants} ({@code A:50,B:50}, weights). Picks a branch by
 * weight, stable per contact and split, records it, and sets the variable {@code variant} for the gateway behind it
 * and for the delivery rows of the sends in the branch (until "End A/B split" clears it).
 */
@Component("splitTest")
class SplitTestDelegate implements JavaDelegate {

    private final SplitAssignments assignments;

    SplitTestDelegate(SplitAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String splitId = (String) execution.getVariableLocal(ProcessVariables.SPLIT_ID);
        if (splitId == null || splitId.isBlank()) {
            splitId = execution.getCurrentActivityId();
        }
        Map<String, Integer> weights = weights((String) execution.getVariableLocal(ProcessVariables.VARIANTS));
        String instance = execution.getProcessInstanceId();
        String variant = assignments.variantOf(instance, splitId).orElse(null);
        if (variant == null) {
            variant = pick(weights, execution.getBusinessKey() + "/" + splitId);
            assignments.record(instance, splitId, execution.getBusinessKey(),
                    ProcessKeys.keyOf(execution), variant);
        }
        execution.setVariable(ProcessVariables.VARIANT, variant);
    }

    static Map<String, Integer> weights(String variants) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (variants != null) {
            for (String part : variants.split(",")) {
                String[] nameAndWeight = part.trim().split(":");
                int weight = nameAndWeight.length > 1 ? Integer.parseInt(nameAndWeight[1].trim()) : 1;
                if (!nameAndWeight[0].isBlank() && weight > 0) {
                    weights.put(nameAndWeight[0].trim(), weight);
                }
            }
        }
        if (weights.size() < 2) {
            throw new IllegalArgumentException("An A/B split needs two or more variants like 'A:50,B:50', was '"
                    + variants + "'");
        }
        return weights;
    }

    /** Deterministic, so a retried step or a re-run gives the same contact the same branch. */
    static String pick(Map<String, Integer> weights, String seed) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        long hash = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        int point = (int) Math.floorMod(hash, (long) total);
        for (Map.Entry<String, Integer> entry : weights.entrySet()) {
            point -= entry.getValue();
            if (point < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
