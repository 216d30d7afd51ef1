package io.nurture.channel.sms;

import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.nurture.contact.ContactErased;

/**
 * An erased contact's SMS leave the built-in outbox too: counted inside the erasure's transaction, removed once it
 * has committed, so an erasure that rolls back keeps them.
 */
@Component
@Conditional(SmsTransports.OutboxInUse.class)
class SmsOutboxErasure {

    private final SmsOutbox outbox;

    SmsOutboxErasure(SmsOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void count(ContactErased erased) {
        erased.count("outboxSms", outbox.countFor(erased.contactIds()));
    }

    @TransactionalEventListener
    void remove(ContactErased erased) {
        outbox.removeFor(erased.contactIds());
    }
}
