package io.nurture.channel;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/**
 * The survivor of a merge takes over the merged contact's deliveries, suppressions and time zone; where both have a
 * suppression reason or a time zone, the survivor's stays.
 */
@Component
class ChannelRowsOnMerge {

    private final DeliveryLog deliveries;
    private final Suppressions suppressions;
    private final ContactTimeZones timeZones;

    ChannelRowsOnMerge(DeliveryLog deliveries, Suppressions suppressions, ContactTimeZones timeZones) {
        this.deliveries = deliveries;
        this.suppressions = suppressions;
        this.timeZones = timeZones;
    }

    @EventListener
    void on(ContactsMerged merged) {
        deliveries.reassign(merged.mergedId(), merged.survivorId());
        suppressions.reassign(merged.mergedId(), merged.survivorId());
        timeZones.reassign(merged.mergedId(), merged.survivorId());
    }
}
