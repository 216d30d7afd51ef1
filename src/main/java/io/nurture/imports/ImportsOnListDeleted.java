package io.nurture.imports;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.lists.ListDeleted;
import io.nurture.lists.ListReferences;

/**
 * A list an import is still filling is not deleted (its next chunk would add contacts to a list that is gone); one
 * that imports filled is, and they let go of it.
 */
@Component
class ImportsOnListDeleted implements ListReferences {

    private final ImportStore store;

    ImportsOnListDeleted(ImportStore store) {
        this.store = store;
    }

    @Override
    public List<String> namesOf(String listId) {
        return store.unfinishedInto(listId).stream().map(file -> "the unfinished import '" + file + "'").toList();
    }

    @EventListener
    void on(ListDeleted deleted) {
        store.forgetList(deleted.listId());
    }
}
