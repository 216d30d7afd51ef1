package io.nurture.campaign;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/** An erased contact's A/B split assignments, dates and fired date triggers go with it. */
@Component
class CampaignRowsOnErasure {

    private final SplitAssignments splits;
    private final ContactDates dates;

    CampaignRowsOnErasure(SplitAssignments splits, ContactDates dates) {
        this.splits = splits;
        this.dates = dates;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("splitAssignments", splits.deleteOf(erased.contactId()));
        erased.count("dates", dates.deleteDatesOf(erased.contactId()));
        erased.count("dateTriggersFired", dates.deleteFiredOf(erased.contactId()));
    }
}
