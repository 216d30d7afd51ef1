package io.nurture.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A request as validated: what to run ({@code campaign} and {@code version}, or {@code bpmn}), from when, how long. */
record SimulationPlan(String campaign, Integer version, String bpmn, Instant start, int days, List<Persona> personas,
        Map<String, Object> variables) {

    Instant horizon() {
        return start.plus(java.time.Duration.ofDays(days));
    }
}
