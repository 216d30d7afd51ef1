package io.nurture.contact;

/** Published inside the merge's transaction, once the survivor owns the merged contact's rows. */
public record ContactsMerged(String survivorId, String mergedId) {
}
