package io.nurture.contact;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.process.ConcurrentChanges;

/**
 * The right to erasure: the contact with its events, deliveries, deals and ledger (by cascade), and every process
 * instance of it, running and historic, so neither Cockpit nor the history keeps the person's data.
 */
@Service
class ContactErasure {

    private static final int ATTEMPTS = 3;

    private final ContactRepository contacts;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ContactErasure(ContactRepository contacts, RuntimeService runtime, HistoryService history, JdbcClient jdbc,
            TransactionTemplate transaction) {
        this.contacts = contacts;
        this.runtime = runtime;
        this.history = history;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** A campaign job that moves one of the contact's instances at the same moment makes the whole erasure retry. */
    void erase(String contactId) {
        ConcurrentChanges.retried(transaction, ATTEMPTS, status -> eraseOnce(contactId));
    }

    private void eraseOnce(String contactId) {
        contacts.lockById(contactId);
        List<String> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId).list()
                .stream().map(ProcessInstance::getId).toList();
        if (!running.isEmpty()) {
            runtime.deleteProcessInstances(running, "contact erased", true, true);
        }
        List<String> finished = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(contactId)
                .list().stream().map(HistoricProcessInstance::getId).toList();
        if (!finished.isEmpty()) {
            history.deleteHistoricProcessInstances(finished);
        }
        jdbc.sql("DELETE FROM contact WHERE id = ?").param(contactId).update();
    }
}
