package io.nurture.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactProfile;
import io.nurture.contact.ContactRepository;
import io.nurture.lifecycle.LifecycleService;
import io.nurture.lifecycle.LifecycleStage;
import io.nurture.lifecycle.StageRules;
import io.nurture.scoring.BehaviourScoring;

/**
 * One event, one transaction: dedupe, resolve the contact, store, score, move the stage and let the campaigns react.
 * Nothing is half-stored: any failure rolls back the event, the contact and the process instances together.
 */
@Service
public class EventIngestionService {

    private static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(EventIngestionService.class);

    private final TransactionTemplate transaction;
    private final ContactRepository contacts;
    private final EventStore events;
    private final BehaviourScoring scoring;
    private final StageRules stageRules;
    private final LifecycleService lifecycle;
    private final ApplicationEventPublisher publisher;

    EventIngestionService(TransactionTemplate transaction, ContactRepository contacts, EventStore events,
            BehaviourScoring scoring, StageRules stageRules, LifecycleService lifecycle,
            ApplicationEventPublisher publisher) {
        this.transaction = transaction;
        this.contacts = contacts;
        this.events = events;
        this.scoring = scoring;
        this.stageRules = stageRules;
        this.lifecycle = lifecycle;
        this.publisher = publisher;
    }

    public IngestionResult ingest(IncomingEvent event, String actor) {
        // A unique key lost to a concurrent request (same eventId, or a new contact with the same e-mail)
        // rolls back; the retry then finds what the other request stored.
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.execute(status -> ingestOnce(event, actor));
            } catch (DuplicateKeyException | OptimisticLockingException race) {
                // the latter: a campaign job moved the same process instance while we correlated to it
                if (attempt == ATTEMPTS) {
                    throw race;
                }
                log.debug("Retrying event {} after a concurrent change: {}", event.type().wireName(), race.getMessage());
            }
        }
    }

    private IngestionResult ingestOnce(IncomingEvent event, String actor) {
        if (event.eventId() != null) {
            Optional<String> known = events.findContactOfEvent(event.eventId());
            if (known.isPresent()) {
                Contact contact = contacts.getById(known.get());
                return new IngestionResult(contact.id(), contact.lifecycleStage(), contact.score(), true);
            }
        }
        Optional<String> existing = findContact(event);
        String contactId = existing.orElseGet(() -> contacts.create(event.email(), initialStage(event)));
        if (existing.isEmpty() && event.anonymousId() != null) {
            contacts.linkAnonymousId(contactId, event.anonymousId());
        }
        contacts.updateProfile(contactId, event.profile());
        int points = scoring.pointsFor(event.type());
        events.append(event.eventId(), contactId, event.type(), event.occurredAt(), points, event.properties());
        contacts.addBehaviourPoints(contactId, points);
        if (event.type() == EventType.UNSUBSCRIBED) {
            contacts.markUnsubscribed(contactId);
        }
        // stage moves last: the campaigns they start see the stored event and score
        String reason = "event " + event.type().wireName();
        if (existing.isEmpty()) {
            lifecycle.enter(contactId, initialStage(event), reason, actor);
        } else {
            boolean knownByEmail = contacts.getById(contactId).email() != null;
            lifecycle.advance(contactId, stageRules.targetFor(event.type(), knownByEmail), reason, actor);
        }
        publisher.publishEvent(new ContactEventRecorded(contactId, event.type(), event.occurredAt(),
                event.properties()));
        Contact contact = contacts.getById(contactId);
        return new IngestionResult(contact.id(), contact.lifecycleStage(), contact.score(), false);
    }

    /** By contact id, then e-mail, then anonymous id; a visitor who gives an e-mail becomes known. */
    private Optional<String> findContact(IncomingEvent event) {
        if (event.contactId() != null) {
            return Optional.of(contacts.getById(event.contactId()).id());
        }
        Optional<Contact> byEmail = Optional.ofNullable(event.email()).flatMap(contacts::findByEmail);
        Optional<Contact> byAnonymousId = Optional.ofNullable(event.anonymousId()).flatMap(contacts::findByAnonymousId);
        if (byEmail.isPresent()) {
            if (event.anonymousId() != null && byAnonymousId.isEmpty()) {
                contacts.linkAnonymousId(byEmail.get().id(), event.anonymousId());
            }
            return Optional.of(byEmail.get().id());
        }
        if (byAnonymousId.isPresent() && event.email() != null && byAnonymousId.get().email() == null) {
            contacts.setEmail(byAnonymousId.get().id(), event.email());
        }
        return byAnonymousId.map(Contact::id);
    }

    private LifecycleStage initialStage(IncomingEvent event) {
        return stageRules.targetFor(event.type(), event.email() != null);
    }

    /** A validated event, ready to ingest. */
    public record IncomingEvent(String eventId, EventType type, String email, String anonymousId, String contactId,
            Instant occurredAt, ContactProfile profile, Map<String, Object> properties) {
    }
}
