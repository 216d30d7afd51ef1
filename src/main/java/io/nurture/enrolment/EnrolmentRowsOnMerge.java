package io.nurture.enrolment;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/** A merged contact's places in enrolments pass to the survivor, unless it has its own there. */
@Component
class EnrolmentRowsOnMerge {

    private final EnrolmentStore store;

    EnrolmentRowsOnMerge(EnrolmentStore store) {
        this.store = store;
    }

    @EventListener
    void on(ContactsMerged merged) {
        store.reassign(merged.mergedId(), merged.survivorId());
    }
}
