package io.nurture.contact;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.process.ConcurrentChanges;
import io.nurture.process.ContactProcesses;

/**
 * The right to erasure: every process instance of the contact and of the contacts merged into it, running and
 * historic, with the engine's operation log about them; every module's rows of the person ({@link ContactErased}:
 * events, deliveries, deals, ledger…, each deleted and counted by its module); then the contact with its anonymous,
 * user and merged ids and its custom properties. What stays is an audit row without personal data.
 */
@Service
class ContactErasure {

    private static final int ATTEMPTS = 3;

    private final ContactRepository contacts;
    private final MergedIds mergedIds;
    private final ContactProperties properties;
    private final ContactProcesses processes;
    private final ErasureAudit audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    ContactErasure(ContactRepository contacts, MergedIds mergedIds, ContactProperties properties,
            ContactProcesses processes, ErasureAudit audit, ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.contacts = contacts;
        this.mergedIds = mergedIds;
        this.properties = properties;
        this.processes = processes;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
    }

    /**
     * A campaign job that moves one of the contact's instances at the same moment makes the whole erasure retry.
     * {@code erasedBy}: the API user, for the audit.
     */
    void erase(String contactId, String erasedBy) {
        ConcurrentChanges.retried(transaction, ATTEMPTS, status -> eraseOnce(contactId, erasedBy));
    }

    private void eraseOnce(String contactId, String erasedBy) {
        Contact contact = contacts.lockById(contactId);
        Set<String> ids = new LinkedHashSet<>();
        ids.add(contactId);
        ids.addAll(mergedIds.of(contactId));
        ContactErased erased = new ContactErased(contactId, contact.email(), ids);
        erased.count("contacts", ids.size());
        ContactProcesses.Erased engine = processes.erase(ids, "contact erased");
        erased.count("processInstances", engine.processInstances());
        erased.count("operationLogEntries", engine.operationLogEntries());
        events.publishEvent(erased); // before the row goes: listeners still read what they are about to delete
        erased.count("anonymousIds", contacts.deleteAnonymousIds(contactId));
        erased.count("userIds", contacts.deleteUserIds(contactId));
        erased.count("contactProperties", properties.deleteOf(contactId));
        mergedIds.deleteOf(contactId);
        contacts.delete(contactId);
        audit.record(contactId, erasedBy, new LinkedHashMap<>(erased.counts()));
    }
}
