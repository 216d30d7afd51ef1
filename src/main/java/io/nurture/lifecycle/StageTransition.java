package io.nurture.lifecycle;

import java.time.Instant;

import io.nurture.contact.LifecycleStage;

/** One row of the stage-transition ledger; {@code entry} counts the entries into {@code to}. */
public record StageTransition(LifecycleStage from, LifecycleStage to, Instant at, String reason, String actor,
        int entry) {
}
