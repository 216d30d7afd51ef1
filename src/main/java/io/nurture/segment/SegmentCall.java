package io.nurture.segment;

import io.nurture.ingestion.EventIngestionService.IncomingEvent;

/** What one Segment message asks for: an event to ingest, or two ids of one person to join. */
sealed interface SegmentCall {

    record Ingest(IncomingEvent event) implements SegmentCall {
    }

    record Alias(String userId, String previousId) implements SegmentCall {
    }
}
