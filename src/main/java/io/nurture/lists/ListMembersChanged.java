package io.nurture.lists;

import java.util.List;

/**
 * Contacts were added to a list or removed from it, inside the transaction that did it, so that what depends on
 * list membership (a segment's "is in list" condition) follows before it commits. Erasure and merge do not publish
 * it: those contacts are looked at again on their own events.
 */
public record ListMembersChanged(String listId, List<String> contactIds) {

    public ListMembersChanged {
        contactIds = List.copyOf(contactIds);
    }
}
