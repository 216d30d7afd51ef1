package io.nurture.audience;

import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Time windows move on without anything happening ("did X within 30 days" ends 30 days after the last X), so every
 * {@code nurture.segments.sweep-interval} the segments whose rule has a window are gone over again, and every
 * segment's size of the day is written.
 */
@Component
class SegmentSweep {

    private final SegmentStore store;
    private final SegmentRebuilds rebuilds;
    private final Membership membership;

    SegmentSweep(SegmentStore store, SegmentRebuilds rebuilds, Membership membership) {
        this.store = store;
        this.rebuilds = rebuilds;
        this.membership = membership;
    }

    @Scheduled(fixedDelayString = "${nurture.segments.sweep-interval:PT15M}",
            initialDelayString = "${nurture.segments.sweep-interval:PT15M}")
    void sweep() {
        store.timeBound().forEach(rebuilds::sweep);
        store.all().forEach(segment -> membership.recordSize(segment.id(), Instant.now()));
    }
}
