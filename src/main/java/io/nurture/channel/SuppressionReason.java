package io.nurture.channel;

/** Why a contact gets no more marketing, beside unsubscribed and disqualified which live on the contact. */
public enum SuppressionReason {
    /** the mailbox does not exist: e-mail only */
    HARD_BOUNCE,
    /** marked as spam: e-mail only */
    COMPLAINT,
    /** no response to the win-back series: no marketing on any channel */
    SUNSET;

    boolean blocks(String channel) {
        return this == SUNSET || "email".equals(channel);
    }

    /** Said of the mailbox rather than of the person: kept for the address after the contact's erasure. */
    boolean followsTheAddress() {
        return this == HARD_BOUNCE || this == COMPLAINT;
    }
}
