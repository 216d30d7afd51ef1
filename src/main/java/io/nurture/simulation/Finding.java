package io.nurture.simulation;

import java.time.Instant;

/**
 * What would be wrong for a persona: {@code frequency-cap} (a send the cap would hold back), {@code no-exit} (still
 * in the campaign at the end of the horizon), {@code incident} (a step would fail and wait for an operator).
 */
public record Finding(String kind, String persona, Instant at, double day, String step, String message) {
}
