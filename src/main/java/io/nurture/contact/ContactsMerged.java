package io.nurture.contact;

/**
 * Published inside the merge's transaction, before the merged contact's row is deleted: each module moves its rows
 * of {@code mergedId} to {@code survivorId} (where both have a row for the same key, it keeps the survivor's and
 * deletes the other). {@code merged} is the merged contact as it was.
 */
public record ContactsMerged(String survivorId, String mergedId, Contact merged) {
}
