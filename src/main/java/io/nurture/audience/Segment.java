package io.nurture.audience;

import java.time.Instant;

/**
 * A stored segment: its rule as the marketer wrote it ({@code ruleJson}) and parsed, its version (counted up by each
 * rule edit) and how far the rebuild of the members for that version has come.
 */
record Segment(String id, String name, String ruleJson, SegmentRule rule, int version, Instant createdAt,
        Instant updatedAt, Rebuild rebuild) {

    enum RebuildState {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** {@code done} of {@code total} contacts checked; {@code version} the rule version the members are built for. */
    record Rebuild(RebuildState state, long done, long total, int version, Instant finishedAt) {
    }
}
