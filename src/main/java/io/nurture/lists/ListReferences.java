package io.nurture.lists;

import java.util.List;

/**
 * What names a list and would stop meaning anything without it (a segment's "is in list" condition), asked before
 * the list is deleted: while anything names it, it is not. Implemented by the modules that name lists.
 */
public interface ListReferences {

    /** What names the list, as a marketer would call it (e.g. {@code segment 'Webinar guests'}); empty: nothing. */
    List<String> namesOf(String listId);
}
