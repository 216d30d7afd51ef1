package io.nurture.campaign;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactNotFoundException;
import io.nurture.contact.ContactRepository;
import io.nurture.event.EventType;
import io.nurture.process.ContactProcesses;
import io.nurture.process.StartVariables;

/**
 * Starts a campaign for a contact (business key = contact id, variable {@code contactId}), never a second running
 * instance of the same campaign: the contact's row lock serialises concurrent enrolments.
 */
@Service
public class CampaignEnrolment {

    public static final String EVENT_MESSAGE_PREFIX = "event:";

    private final ContactProcesses processes;
    private final ContactRepository contacts;

    CampaignEnrolment(ContactProcesses processes, ContactRepository contacts) {
        this.processes = processes;
        this.contacts = contacts;
    }

    /**
     * A contact's event as the message {@code event:<type>} ({@code event:trial_started}): a diagram's message start
     * event with that name starts the campaign for the contact, once while it runs, and a catch or boundary event with
     * it moves or ends the contact's instance. In the ingesting transaction, the contact locked.
     */
    void announce(EventType type, String contactId) {
        announce(EVENT_MESSAGE_PREFIX + type.wireName(), contactId);
    }

    /**
     * Any message a diagram may listen for by its name alone ({@code segment-entered:High-fit DE}): starts each
     * campaign whose start event names it, once while it runs, and moves the contact's instances waiting for it.
     */
    public void announce(String message, String contactId) {
        processes.announce(message, contactId, () -> {
            Contact contact = contacts.getById(contactId);
            return StartVariables.forContact(contact.id()).firstName(contact.firstName());
        });
    }

    /** What {@link #enrolIfPresent} did. */
    public enum Outcome { STARTED, ALREADY_IN, GONE }

    /** Starts the campaign for the contact unless it runs for it already or the contact is gone (erased, merged). */
    @Transactional
    public Outcome enrolIfPresent(String campaign, String contactId) {
        Contact contact;
        try {
            contact = contacts.lockById(contactId);
        } catch (ContactNotFoundException erased) {
            return Outcome.GONE;
        }
        return processes.startOnce(campaign, StartVariables.forContact(contact.id()).firstName(contact.firstName()))
                ? Outcome.STARTED : Outcome.ALREADY_IN;
    }

    /** Starts the campaign for a contact created in this transaction, which can be in no campaign yet. */
    @Transactional
    public void enrolNew(String campaign, String contactId) {
        Contact contact = contacts.lockById(contactId);
        processes.startNew(campaign, StartVariables.forContact(contact.id()).firstName(contact.firstName()));
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
