package io.nurture.campaign;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/**
 * The survivor of a merge takes over the merged contact's A/B split assignments, dates and fired date triggers;
 * where both have the same date or fired the same occurrence, the survivor's stays.
 */
@Component
class CampaignRowsOnMerge {

    private final SplitAssignments splits;
    private final ContactDates dates;

    CampaignRowsOnMerge(SplitAssignments splits, ContactDates dates) {
        this.splits = splits;
        this.dates = dates;
    }

    @EventListener
    void on(ContactsMerged merged) {
        splits.reassign(merged.mergedId(), merged.survivorId());
        dates.reassign(merged.mergedId(), merged.survivorId());
    }
}
