package io.nurture.contact;

import java.util.Optional;

import org.springframework.stereotype.Service;


/**
 * Finds the one contact an event belongs to: by contact id, e-mail or anonymous id. A visitor who gives an e-mail
 * becomes known; a second anonymous id for a known e-mail is merged into it with its history and score.
 */
@Service
public class IdentityResolver {

    private final ContactRepository contacts;
    private final ContactMerge merge;

    IdentityResolver(ContactRepository contacts, ContactMerge merge) {
        this.contacts = contacts;
        this.merge = merge;
    }

    /** {@code created}: the contact is new and still needs its first stage. */
    public record Resolved(String contactId, boolean created) {
    }

    public Resolved resolve(String contactId, String email, String anonymousId, LifecycleStage initialStage) {
        if (contactId != null) {
            return new Resolved(contacts.getById(contactId).id(), false);
        }
        Optional<Contact> byEmail = Optional.ofNullable(email).flatMap(contacts::findByEmail);
        Optional<Contact> byAnonymousId = Optional.ofNullable(anonymousId).flatMap(contacts::findByAnonymousId);
        if (byEmail.isPresent()) {
            String known = byEmail.get().id();
            // lock before adding rows that reference the contact: their foreign-key share locks, upgraded later by
            // concurrent requests for the same contact, would deadlock
            contacts.lockById(known);
            if (anonymousId != null && byAnonymousId.isEmpty()) {
                contacts.linkAnonymousId(known, anonymousId);
            } else if (byAnonymousId.isPresent() && !byAnonymousId.get().id().equals(known)
                    && byAnonymousId.get().email() == null) {
                merge.mergeInto(known, byAnonymousId.get().id());
            }
            return new Resolved(known, false);
        }
        if (byAnonymousId.isPresent() && (email == null || byAnonymousId.get().email() == null)) {
            if (email != null) {
                contacts.setEmail(byAnonymousId.get().id(), email);
            }
            return new Resolved(byAnonymousId.get().id(), false);
        }
        // a new person, also when a shared browser's anonymous id already belongs to someone else's e-mail
        String created = contacts.create(email, initialStage);
        if (anonymousId != null && byAnonymousId.isEmpty()) {
            contacts.linkAnonymousId(created, anonymousId);
        }
        return new Resolved(created, true);
    }
}
