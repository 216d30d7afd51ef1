package io.nurture.channel.sms;

import java.time.Instant;

/** One rendered SMS as it leaves Nurture; {@code reference} is the delivery id, as the provider receives it. */
public record SmsMessage(String reference, String contactId, String from, String to, String text, Instant sentAt) {
}
