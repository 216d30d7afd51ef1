package io.nurture.audience;

import java.time.Instant;

/**
 * The contact entered the segment because something about it changed (an event, its profile, a campaign) or a time
 * window moved on; published inside that transaction. Not published for (re)builds after a rule is saved.
 */
public record SegmentEntered(String segmentId, String segmentName, String contactId, Instant at) {
}
