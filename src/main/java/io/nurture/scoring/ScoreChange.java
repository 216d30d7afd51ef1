package io.nurture.scoring;

import java.time.Instant;

/** One row of a contact's score history; {@code scoreAfter} is the total (behaviour + fit) after the change. */
public record ScoreChange(String component, int delta, int scoreAfter, String reason, Instant at) {
}
