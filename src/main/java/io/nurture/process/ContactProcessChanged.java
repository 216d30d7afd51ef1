package io.nurture.process;

/**
 * A contact's top-level instance of {@code processKey} started or ended (business key = contact id). Published inside
 * the engine command that did it, so listeners act in the same transaction as the engine's own rows.
 */
public record ContactProcessChanged(String contactId, String processKey, boolean ended) {
}
