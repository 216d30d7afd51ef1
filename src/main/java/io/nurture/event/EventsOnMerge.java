package io.nurture.event;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/** The survivor of a merge takes over the merged contact's events. */
@Component
class EventsOnMerge {

    private final EventStore events;

    EventsOnMerge(EventStore events) {
        this.events = events;
    }

    @EventListener
    void on(ContactsMerged merged) {
        events.reassign(merged.mergedId(), merged.survivorId());
    }
}
