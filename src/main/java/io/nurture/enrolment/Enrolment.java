package io.nurture.enrolment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An enrolment and its progress: of the {@code total} members snapshotted when it was asked for, how many it
 * {@code started} in the campaign, how many were {@code alreadyIn} it (running), how many were {@code gone} (erased or
 * merged meanwhile), how many are {@code pending}; {@code state} is RUNNING until none is pending, then FINISHED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Enrolment(String id, String campaign, String audienceType, String audienceId, String audienceName,
        int perMinute, int total, int started, int alreadyIn, int gone, int pending, String state,
        String requestedBy, Instant requestedAt, Instant finishedAt) {
}
