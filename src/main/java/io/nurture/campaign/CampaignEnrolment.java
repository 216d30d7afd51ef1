package io.nurture.campaign;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactNotFoundException;
import io.nurture.contact.ContactRepository;
import io.nurture.process.ContactProcesses;
import io.nurture.process.StartVariables;

/**
 * Starts a campaign for a contact (business key = contact id, variable {@code contactId}), never a second running
 * instance of the same campaign: the contact's row lock serialises concurrent enrolments.
 */
@Service
public class CampaignEnrolment {

    private final ContactProcesses processes;
    private final ContactRepository contacts;

    CampaignEnrolment(ContactProcesses processes, ContactRepository contacts) {
        this.processes = processes;
        this.contacts = contacts;
    }

    /** Returns false when the contact is already in this campaign (or gone). */
    @Transactional
    public boolean enrol(String campaign, String contactId, Map<String, Object> variables) {
        Contact contact;
        try {
            contact = contacts.lockById(contactId);
        } catch (ContactNotFoundException erased) {
            return false;
        }
        return processes.startOnce(campaign, StartVariables.forContact(contact.id()).firstName(contact.firstName())
                .putAll(variables));
    }
}
