package io.nurture.contact;

import java.util.Optional;

import org.springframework.stereotype.Service;


/**
 * Finds the one contact an event belongs to: by contact id, user id, e-mail or anonymous id. A known user id wins; a
 * new one is linked to the contact the e-mail or anonymous id finds. A visitor who gives an e-mail becomes known; a
 * second anonymous id for a known e-mail is merged into it with its history and score.
 */
@Service
public class IdentityResolver {

    private final ContactRepository contacts;
    private final ContactMerge merge;

    IdentityResolver(ContactRepository contacts, ContactMerge merge) {
        this.contacts = contacts;
        this.merge = merge;
    }

    /**
     * {@code created}: the contact is new and still needs its first stage. {@code locked}: the contact as read under
     * its lock (or as a new one was stored), when resolving locked it and changed it no more, else empty: the caller
     * locks it.
     */
    public record Resolved(String contactId, boolean created, Optional<Contact> locked) {

        Resolved(String contactId, boolean created) {
            this(contactId, created, Optional.empty());
        }
    }

    /** {@code profile}: what a new contact is created with; a known contact's profile is the caller's to update. */
    public Resolved resolve(String contactId, String email, String anonymousId, String userId,
            LifecycleStage initialStage, ContactProfile profile) {
        if (contactId != null) {
            return new Resolved(contacts.getById(contactId).id(), false);
        }
        Optional<Contact> byUserId = Optional.ofNullable(userId).flatMap(contacts::findByUserId);
        if (byUserId.isPresent()) {
            return ofKnownUser(byUserId.get(), email, anonymousId);
        }
        Resolved resolved = resolve(email, anonymousId, initialStage, profile);
        if (userId != null) {
            contacts.linkUserId(resolved.contactId(), userId);
        }
        return resolved;
    }

    /**
     * The user's contact, which takes the e-mail when it has none: merged into the contact that has it already, or
     * given it. The anonymous id joins it like a known e-mail's.
     */
    private Resolved ofKnownUser(Contact user, String email, String anonymousId) {
        Contact locked = contacts.lockById(user.id());
        if (email != null && user.email() == null) {
            Optional<Contact> byEmail = contacts.findByEmail(email);
            String known = user.id();
            if (byEmail.isPresent()) {
                merge.mergeInto(byEmail.get().id(), user.id());
                known = byEmail.get().id();
            } else {
                contacts.setEmail(user.id(), email);
            }
            joinAnonymousId(known, anonymousId, Optional.ofNullable(anonymousId).flatMap(contacts::findByAnonymousId));
            return new Resolved(known, false);
        }
        return joined(locked, anonymousId, Optional.ofNullable(anonymousId).flatMap(contacts::findByAnonymousId));
    }

    /** The known contact, locked, with the anonymous id joined; a merge changed it, so it is read again. */
    private Resolved joined(Contact locked, String anonymousId, Optional<Contact> byAnonymousId) {
        boolean merged = joinAnonymousId(locked.id(), anonymousId, byAnonymousId);
        return new Resolved(locked.id(), false, merged ? Optional.empty() : Optional.of(locked));
    }

    private Resolved resolve(String email, String anonymousId, LifecycleStage initialStage, ContactProfile profile) {
        // a known e-mail's contact is locked as it is found, before rows that reference it are added: their
        // foreign-key share locks, upgraded later by concurrent requests for the same contact, would deadlock
        Optional<Contact> byEmail = Optional.ofNullable(email).flatMap(contacts::lockByEmail);
        Optional<Contact> byAnonymousId = Optional.ofNullable(anonymousId).flatMap(contacts::findByAnonymousId);
        if (byEmail.isPresent()) {
            return joined(byEmail.get(), anonymousId, byAnonymousId);
        }
        if (byAnonymousId.isPresent() && (email == null || byAnonymousId.get().email() == null)) {
            if (email != null) {
                contacts.setEmail(byAnonymousId.get().id(), email);
            }
            return new Resolved(byAnonymousId.get().id(), false);
        }
        // a new person, also when a shared browser's anonymous id already belongs to someone else's e-mail
        Contact created = contacts.create(email, initialStage, profile);
        if (anonymousId != null && byAnonymousId.isEmpty()) {
            contacts.linkAnonymousId(created.id(), anonymousId);
        }
        return new Resolved(created.id(), true, Optional.of(created));
    }

    /**
     * A new anonymous id is linked to the known contact; an anonymous visitor's record ({@code byAnonymousId}, as read
     * for it) is merged into it. True when it merged.
     */
    private boolean joinAnonymousId(String known, String anonymousId, Optional<Contact> byAnonymousId) {
        if (anonymousId != null && byAnonymousId.isEmpty()) {
            contacts.linkAnonymousId(known, anonymousId);
        } else if (byAnonymousId.isPresent() && !byAnonymousId.get().id().equals(known)
                && byAnonymousId.get().email() == null) {
            merge.mergeInto(known, byAnonymousId.get().id());
            return true;
        }
        return false;
    }
}
