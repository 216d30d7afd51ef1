package io.nurture.event;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/** An erased contact's events go with it. */
@Component
class EventsOnErasure {

    private final EventStore events;

    EventsOnErasure(EventStore events) {
        this.events = events;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("events", events.deleteOf(erased.contactId()));
    }
}
