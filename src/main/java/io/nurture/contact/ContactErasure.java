package io.nurture.contact;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.process.ConcurrentChanges;

/**
 * The right to erasure: the contact with its events, deliveries, deals and ledger (by cascade), every process
 * instance of it and of the contacts merged into it, running and historic, with the engine's operation log about
 * them, and whatever other modules keep of the person ({@link ContactErased}). What stays is an audit row without
 * personal data.
 */
@Service
class ContactErasure {

    private static final int ATTEMPTS = 3;
    /** Rows that go with the contact's by cascade, counted for the audit. */
    private static final List<Map.Entry<String, String>> CASCADED = List.of(Map.entry("events", "contact_event"),
            Map.entry("deliveries", "delivery"), Map.entry("stageMoves", "stage_transition"),
            Map.entry("scoreChanges", "score_history"), Map.entry("deals", "deal"));

    private final ContactRepository contacts;
    private final MergedIds mergedIds;
    private final ProcessErasure processes;
    private final ErasureAudit audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ContactErasure(ContactRepository contacts, MergedIds mergedIds, ProcessErasure processes, ErasureAudit audit,
            ApplicationEventPublisher events, JdbcClient jdbc, TransactionTemplate transaction) {
        this.contacts = contacts;
        this.mergedIds = mergedIds;
        this.processes = processes;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
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
        CASCADED.forEach(rows -> erased.count(rows.getKey(), jdbc.sql("SELECT COUNT(*) FROM " + rows.getValue()
                + " WHERE contact_id = ?").param(contactId).query(Long.class).single()));
        processes.erase(erased);
        events.publishEvent(erased); // before the row goes: listeners still read what the cascade will delete
        jdbc.sql("DELETE FROM contact WHERE id = ?").param(contactId).update();
        audit.record(contactId, erasedBy, new LinkedHashMap<>(erased.counts()));
    }
}
