package io.nurture.channel;

/** Where one send stands; a key that reached SENT or SKIPPED is never sent again. */
public enum DeliveryStatus {
    SENDING, SENT, FAILED, SKIPPED;

    public boolean isFinal() {
        return this == SENT || this == SKIPPED;
    }
}
