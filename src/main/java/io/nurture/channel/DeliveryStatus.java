package io.nurture.channel;

/**
 * Where one send stands; a key that reached SENT, SKIPPED or REJECTED is never sent again. DELAYED waits for quiet
 * hours or the frequency cap, FAILED for the next retry.
 */
public enum DeliveryStatus {
    SENDING, SENT, FAILED, SKIPPED, DELAYED, REJECTED;

    public boolean isFinal() {
        return this == SENT || this == SKIPPED || this == REJECTED;
    }
}
