package io.nurture.handoff;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/** An erased contact's deals go with it. */
@Component
class DealsOnErasure {

    private final Deals deals;

    DealsOnErasure(Deals deals) {
        this.deals = deals;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("deals", deals.deleteOf(erased.contactId()));
    }
}
