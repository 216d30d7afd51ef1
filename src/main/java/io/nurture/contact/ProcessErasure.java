package io.nurture.contact;

import java.util.Collection;

import org.springframework.stereotype.Component;

import io.nurture.process.ContactProcesses;

/**
 * The engine's part of an erasure, through {@link ContactProcesses}: every instance whose business key is one of the
 * contact's ids, running or finished, with the instances they called and the operation log about them, counted for
 * the audit. A merge ends the merged contact's running instances here too.
 */
@Component
class ProcessErasure {

    private final ContactProcesses processes;

    ProcessErasure(ContactProcesses processes) {
        this.processes = processes;
    }

    void erase(ContactErased erased) {
        ContactProcesses.Erased gone = processes.erase(erased.contactIds(), "contact erased");
        erased.count("processInstances", gone.processInstances());
        erased.count("operationLogEntries", gone.operationLogEntries());
    }

    /** Ends the running instances of these contacts (business keys), without their listeners (no sends). */
    void endRunning(Collection<String> contactIds, String reason) {
        processes.endRunning(contactIds, reason);
    }
}
