package io.nurture.audience;

import java.time.Instant;

/** The contact left the segment; published as {@link SegmentEntered} is. */
public record SegmentLeft(String segmentId, String segmentName, String contactId, Instant at) {
}
