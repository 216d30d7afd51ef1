package io.nurture.contact;

/**
 * The contact's row was written (created, profile, consent, stage, scores, unsubscribe, disqualification): published
 * inside the writing transaction, so listeners that derive something from the row (segments) stay in step with it.
 */
public record ContactChanged(String contactId) {
}
