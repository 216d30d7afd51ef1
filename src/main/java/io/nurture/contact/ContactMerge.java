package io.nurture.contact;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.process.ContactProcesses;


/**
 * Two records turned out to be one person: in one transaction the survivor takes over the other's anonymous ids, user
 * ids, merged ids and the custom properties it has not set itself, every module moves its rows of the other to the
 * survivor ({@link ContactsMerged}), the other's running process instances end, and the other is deleted.
 */
@Service
class ContactMerge {

    private final ContactRepository contacts;
    private final MergedIds mergedIds;
    private final ContactProperties properties;
    private final ContactProcesses processes;
    private final ApplicationEventPublisher events;

    ContactMerge(ContactRepository contacts, MergedIds mergedIds, ContactProperties properties,
            ContactProcesses processes, ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.mergedIds = mergedIds;
        this.properties = properties;
        this.processes = processes;
        this.events = events;
    }

    @Transactional
    void mergeInto(String survivorId, String mergedId) {
        // always lock in the same order, so two merges of the same pair cannot deadlock
        boolean survivorFirst = survivorId.compareTo(mergedId) < 0;
        contacts.lockById(survivorFirst ? survivorId : mergedId);
        Contact merged = contacts.lockById(survivorFirst ? mergedId : survivorId);
        merged = survivorFirst ? merged : contacts.getById(mergedId);
        contacts.reassignAnonymousIds(mergedId, survivorId);
        contacts.reassignUserIds(mergedId, survivorId);
        if (properties.reassign(mergedId, survivorId)) {
            events.publishEvent(new ContactChanged(survivorId));
        }
        mergedIds.record(survivorId, mergedId); // its finished instances keep its id: the survivor's erasure needs it
        events.publishEvent(new ContactsMerged(survivorId, mergedId, merged));
        processes.endRunning(List.of(mergedId), "merged into contact " + survivorId);
        contacts.delete(mergedId);
    }
}
