package io.nurture.contact;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.process.ConcurrentChanges;
import io.nurture.web.ProblemException;

/**
 * Segment's {@code alias}: an earlier id of a person (an anonymous id or an older user id) and their user id are one
 * contact from now on. Asking again changes nothing.
 */
@Service
public class ContactAliases {

    /** The longest id {@code contact_anonymous_id} holds; a longer earlier id can only be a user id. */
    static final int MAX_ANONYMOUS_ID_LENGTH = 100;
    private static final int ATTEMPTS = 3;

    private final ContactRepository contacts;
    private final ContactMerge merge;
    private final TransactionTemplate transaction;

    ContactAliases(ContactRepository contacts, ContactMerge merge, TransactionTemplate transaction) {
        this.contacts = contacts;
        this.merge = merge;
        this.transaction = transaction;
    }

    /**
     * Links or merges; two contacts that each have their own e-mail are different people and stay apart. When a
     * concurrent request linked one of the ids meanwhile, the alias is tried again and finds it.
     */
    public void alias(String userId, String previousId) {
        ConcurrentChanges.retried(transaction, ATTEMPTS, DuplicateKeyException.class::isInstance, status -> {
            aliasOnce(userId, previousId);
            return null;
        });
    }

    private void aliasOnce(String userId, String previousId) {
        Optional<Contact> user = contacts.findByUserId(userId);
        Optional<Contact> previous = contacts.findByUserId(previousId)
                .or(() -> contacts.findByAnonymousId(previousId));
        if (previous.isPresent() && user.isEmpty()) {
            contacts.lockById(previous.get().id());
            contacts.linkUserId(previous.get().id(), userId);
        } else if (user.isPresent() && previous.isEmpty()) {
            contacts.lockById(user.get().id());
            if (previousId.length() <= MAX_ANONYMOUS_ID_LENGTH) {
                contacts.linkAnonymousId(user.get().id(), previousId);
            } else {
                contacts.linkUserId(user.get().id(), previousId);
            }
        } else if (user.isPresent() && !user.get().id().equals(previous.get().id())) {
            if (previous.get().email() == null) {
                merge.mergeInto(user.get().id(), previous.get().id());
            } else if (user.get().email() == null) {
                merge.mergeInto(previous.get().id(), user.get().id());
            } else {
                throw new AliasRefusedException("previousId '" + previousId + "' and userId '" + userId
                        + "' belong to two contacts with different e-mail addresses; they are not merged");
            }
        }
    }

    static final class AliasRefusedException extends ProblemException {

        private static final long serialVersionUID = 1L;

        AliasRefusedException(String message) {
            super(HttpStatus.CONFLICT, "Alias refused", message);
        }
    }
}
