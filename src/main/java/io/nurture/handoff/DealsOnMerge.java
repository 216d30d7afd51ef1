package io.nurture.handoff;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/** The survivor of a merge takes over the merged contact's deals. */
@Component
class DealsOnMerge {

    private final Deals deals;

    DealsOnMerge(Deals deals) {
        this.deals = deals;
    }

    @EventListener
    void on(ContactsMerged merged) {
        deals.reassign(merged.mergedId(), merged.survivorId());
    }
}
