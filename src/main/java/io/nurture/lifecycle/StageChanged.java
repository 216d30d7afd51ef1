package io.nurture.lifecycle;

import java.time.Instant;

import io.nurture.contact.LifecycleStage;

/**
 * Published inside the transaction that moved the contact, so listeners act atomically with the move.
 * {@code startsCampaigns} is false for an entry that must enrol the contact nowhere: an import that did not ask for
 * the welcome series.
 */
public record StageChanged(String contactId, LifecycleStage from, LifecycleStage to, int entry, String reason,
        Instant at, boolean startsCampaigns) {

    public StageChanged(String contactId, LifecycleStage from, LifecycleStage to, int entry, String reason,
            Instant at) {
        this(contactId, from, to, entry, reason, at, true);
    }

    public boolean isFirstEntry() {
        return entry == 1;
    }

    /** The contact's first stage: it was created in this transaction, so no campaign runs for it yet. */
    public boolean isNewContact() {
        return from == null;
    }
}
