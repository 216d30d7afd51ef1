package io.nurture.lists;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/** The survivor of a merge is on every list either contact was on. */
@Component
class ListRowsOnMerge {

    private final ListRepository lists;

    ListRowsOnMerge(ListRepository lists) {
        this.lists = lists;
    }

    @EventListener
    void on(ContactsMerged merged) {
        lists.reassign(merged.mergedId(), merged.survivorId());
    }
}
