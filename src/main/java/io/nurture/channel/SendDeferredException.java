package io.nurture.channel;

import java.time.Instant;

/**
 * The send may not happen yet (quiet hours, frequency cap, another attempt in flight). The job is rescheduled to
 * {@link #notBefore()} without using up a retry: delayed, never dropped.
 */
public class SendDeferredException extends RuntimeException {

    private final Instant notBefore;

    public SendDeferredException(String why, Instant notBefore) {
        super(why + "; deferred until " + notBefore);
        this.notBefore = notBefore;
    }

    public Instant notBefore() {
        return notBefore;
    }
}
