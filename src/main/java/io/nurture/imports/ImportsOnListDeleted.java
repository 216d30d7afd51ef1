package io.nurture.imports;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.lists.ListDeleted;

/** An import that filled a list lets go of it when the list is deleted; one still running adds nobody to it. */
@Component
class ImportsOnListDeleted {

    private final ImportStore store;

    ImportsOnListDeleted(ImportStore store) {
        this.store = store;
    }

    @EventListener
    void on(ListDeleted deleted) {
        store.forgetList(deleted.listId());
    }
}
