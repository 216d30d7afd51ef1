package io.nurture.campaign;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactNotFoundException;
import io.nurture.contact.ContactRepository;

/**
 * Starts a campaign for a contact (business key = contact id, variable {@code contactId}), never a second running
 * instance of the same campaign: the contact's row lock serialises concurrent enrolments.
 */
@Service
public class CampaignEnrolment {

    private final RuntimeService runtime;
    private final ContactRepository contacts;

    CampaignEnrolment(RuntimeService runtime, ContactRepository contacts) {
        this.runtime = runtime;
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
        if (isRunning(campaign, contactId)) {
            return false;
        }
        Map<String, Object> start = new HashMap<>(variables);
        start.put("contactId", contact.id());
        start.putIfAbsent("firstName", contact.firstName() == null ? "" : contact.firstName());
        runtime.startProcessInstanceByKey(campaign, contact.id(), start);
        return true;
    }

    public boolean isRunning(String campaign, String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(campaign)
                .processInstanceBusinessKey(contactId).count() > 0;
    }
}
