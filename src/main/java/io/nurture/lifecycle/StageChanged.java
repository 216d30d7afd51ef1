package io.nurture.lifecycle;

import java.time.Instant;

import io.nurture.contact.LifecycleStage;

/** Published inside the transaction that moved the contact, so listeners act atomically with the move. */
public record StageChanged(String contactId, LifecycleStage from, LifecycleStage to, int entry, String reason,
        Instant at) {

    public boolean isFirstEntry() {
        return entry == 1;
    }
}
