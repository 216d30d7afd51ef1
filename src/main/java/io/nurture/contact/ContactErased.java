package io.nurture.contact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Published inside the erasure's transaction, while the contact's row still exists: each module deletes its rows of
 * the person itself (the foreign keys' cascade is only a backstop), or keeps what must outlive them only as a keyed
 * hash, and tells how many, for the audit row.
 */
public final class ContactErased {

    private final String contactId;
    private final String email;
    private final Set<String> contactIds;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    public ContactErased(String contactId, String email, Set<String> contactIds) {
        this.contactId = contactId;
        this.email = email;
        this.contactIds = Set.copyOf(contactIds);
    }

    public String contactId() {
        return contactId;
    }

    /** The contact's e-mail address, or null for an anonymous visitor. */
    public String email() {
        return email;
    }

    /** The contact's id and the ids of every contact merged into it earlier. */
    public Set<String> contactIds() {
        return contactIds;
    }

    /** How many of {@code what} went (e.g. "inboxMails"); counted up when called twice. */
    public void count(String what, long count) {
        counts.merge(what, count, Long::sum);
    }

    /** What the modules counted so far, in the order they counted it. */
    public Map<String, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }
}
