package io.nurture.suspension;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;
import io.nurture.contact.ContactsMerged;

/**
 * An erased contact's held starts and messages go with it; a merged contact's held starts pass to the survivor (each
 * runs once while the survivor is not in that campaign), its held messages go with its instances, which the merge ends.
 */
@Component
class HeldRowsOnContactChanges {

    private final HeldRows rows;

    HeldRowsOnContactChanges(HeldRows rows) {
        this.rows = rows;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.contactIds().forEach(id -> erased.count("heldCampaignSteps", rows.deleteOf(id)));
    }

    @EventListener
    void on(ContactsMerged merged) {
        rows.reassign(merged.mergedId(), merged.survivorId());
    }
}
