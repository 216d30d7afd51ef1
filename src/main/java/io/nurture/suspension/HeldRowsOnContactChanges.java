package io.nurture.suspension;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;
import io.nurture.contact.ContactsMerged;

/**
 * An erased contact's held starts and messages go with it; a merged contact's pass to the survivor (a start runs once
 * unless the survivor is in that campaign; a message stays with its instance, which the merge ends).
 */
@Component
class HeldRowsOnContactChanges {

    private final HeldRows rows;

    HeldRowsOnContactChanges(HeldRows rows) {
        this.rows = rows;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.contactIds().forEach(id -> erased.count("heldStartsAndMessages", rows.deleteOf(id)));
    }

    @EventListener
    void on(ContactsMerged merged) {
        rows.reassign(merged.mergedId(), merged.survivorId());
    }
}
