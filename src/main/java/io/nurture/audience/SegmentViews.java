package io.nurture.audience;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What the segments API (and the dashboard's segment pages) answer. */
public final class SegmentViews {

    private SegmentViews() {
    }

    /** A segment with its member count and its rebuild's progress ({@code percent} of the contacts checked). */
    public record SegmentView(String id, String name, JsonNode rule, int version, long members, Instant createdAt,
            Instant updatedAt, RebuildView rebuild) {
    }

    public record RebuildView(String state, long done, long total, int percent, int builtVersion, Instant finishedAt) {
    }

    /** One member as the members list and the preview's sample show it. */
    public record Member(String contactId, String email, String firstName, String lastName, String lifecycleStage,
            int score, Instant enteredAt) {
    }

    public record MemberPage(long total, int page, int size, List<Member> members) {
    }

    public record Preview(long count, List<Member> sample) {
    }

    public record Size(LocalDate day, long members) {
    }

    public record Sizes(String segmentId, List<Size> sizes) {
    }

    /** A contact's segments now and every stay, the latest first. */
    public record ContactSegments(String contactId, List<Membership> current, List<Stay> history) {
    }

    public record Membership(String segmentId, String name, Instant enteredAt) {
    }

    public record Stay(String segmentId, String name, Instant enteredAt, Instant leftAt) {
    }
}
