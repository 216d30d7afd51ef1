package io.nurture.lists;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/** An erased contact leaves every list. */
@Component
class ListRowsOnErasure {

    private final ListRepository lists;

    ListRowsOnErasure(ListRepository lists) {
        this.lists = lists;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("listMemberships", lists.deleteOf(erased.contactId()));
    }
}
