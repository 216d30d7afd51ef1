package io.nurture.channel;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/**
 * An erased contact's deliveries, suppressions and time zone go with it; a hard bounce or complaint stays on the
 * address as a keyed hash ({@link Suppressions}).
 */
@Component
class ChannelRowsOnErasure {

    private final DeliveryLog deliveries;
    private final Suppressions suppressions;
    private final ContactTimeZones timeZones;

    ChannelRowsOnErasure(DeliveryLog deliveries, Suppressions suppressions, ContactTimeZones timeZones) {
        this.deliveries = deliveries;
        this.suppressions = suppressions;
        this.timeZones = timeZones;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("deliveries", deliveries.deleteOf(erased.contactId()));
        suppressions.erase(erased);
        erased.count("timeZones", timeZones.deleteOf(erased.contactId()));
    }
}
