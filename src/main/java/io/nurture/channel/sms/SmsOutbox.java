package io.nurture.channel.sms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Without an SMS provider (the default profile), SMS land here, beside the built-in mail inbox, and are listed at
 * {@code /inbox} and {@code /api/inbox/sms}: a first run shows what the campaigns text without a provider account.
 * Kept in memory like the mail inbox, so a restart empties it.
 */
@Component
@Conditional(SmsTransports.OutboxInUse.class)
public class SmsOutbox implements SmsTransport {

    private static final Logger log = LoggerFactory.getLogger(SmsOutbox.class);

    private final List<SmsMessage> messages = new ArrayList<>();

    SmsOutbox() {
        log.info("No {} set: SMS go to the built-in outbox, listed at /inbox and /api/inbox/sms",
                SmsTransports.BASE_URL);
    }

    @Override
    public synchronized void deliver(SmsMessage message) {
        messages.add(message);
    }

    /** Newest first. */
    public synchronized List<SmsMessage> list() {
        return messages.stream().sorted(Comparator.comparing(SmsMessage::sentAt).reversed()).toList();
    }

    synchronized long countFor(Set<String> contactIds) {
        return messages.stream().filter(message -> contactIds.contains(message.contactId())).count();
    }

    synchronized void removeFor(Set<String> contactIds) {
        messages.removeIf(message -> contactIds.contains(message.contactId()));
    }
}
