package io.nurture.event;

import java.time.Instant;
import java.util.Map;

/**
 * Published inside the ingesting transaction once an event is stored, scored and the stage moved, so that
 * campaigns can react (correlate a click, start a triggered campaign) atomically with the event.
 */
public record ContactEventRecorded(String contactId, EventType type, Instant occurredAt,
        Map<String, Object> properties) {
}
