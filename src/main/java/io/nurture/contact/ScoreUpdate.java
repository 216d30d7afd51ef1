package io.nurture.contact;

/** What a score change did: the points actually applied and the total score (behaviour + fit) after it. */
public record ScoreUpdate(int applied, int scoreAfter) {
}
