package io.nurture.channel.sms;

/**
 * Where a rendered SMS goes: the configured HTTP provider, the built-in outbox, or nowhere (an incident). The claim,
 * the delivery log and exactly-once stay in {@link io.nurture.channel.Sender} whichever it is.
 */
interface SmsTransport {

    /** Throws on a temporary failure (the job is retried), {@link io.nurture.channel.SendRejectedException} for good. */
    void deliver(SmsMessage message);
}
