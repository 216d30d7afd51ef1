package io.nurture.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactProfile;
import io.nurture.contact.ContactProperties;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.IdentityResolver;
import io.nurture.contact.IdentityResolver.Resolved;
import io.nurture.contact.PropertyValues;
import io.nurture.event.ContactEventRecorded;
import io.nurture.event.EventPropertyRule;
import io.nurture.event.EventStore;
import io.nurture.event.EventType;
import io.nurture.lifecycle.EventStages;
import io.nurture.lifecycle.RoutedEvent;
import io.nurture.process.ConcurrentChanges;
import io.nurture.scoring.EventScoring;

/**
 * One event, one transaction: dedupe, resolve the contact, store, score, move the stage and let the campaigns react.
 * Nothing is half-stored: any failure rolls back the event, the contact and the process instances together. Before
 * that, whichever way the event came in, it is held to the {@link EventLimits} and the property rules. The contact is
 * read once, under its lock, and each step hands on what it changed; it is read again only after listeners may have
 * changed it (after a stage move, and for the answer).
 */
@Service
public class EventIngestionService {

    private static final int ATTEMPTS = 8;

    private final TransactionTemplate transaction;
    private final IdentityResolver identities;
    private final ContactRepository contacts;
    private final ContactProperties contactProperties;
    private final EventStore events;
    private final EventScoring scoring;
    private final EventStages stages;
    private final ApplicationEventPublisher publisher;
    private final List<EventPropertyRule> propertyRules;
    private final IngestionMetrics metrics;

    EventIngestionService(TransactionTemplate transaction, IdentityResolver identities, ContactRepository contacts,
            ContactProperties contactProperties, EventStore events, EventScoring scoring, EventStages stages,
            ApplicationEventPublisher publisher, List<EventPropertyRule> propertyRules, IngestionMetrics metrics) {
        this.transaction = transaction;
        this.identities = identities;
        this.contacts = contacts;
        this.contactProperties = contactProperties;
        this.events = events;
        this.scoring = scoring;
        this.stages = stages;
        this.publisher = publisher;
        this.propertyRules = propertyRules;
        this.metrics = metrics;
    }

    public IngestionResult ingest(IncomingEvent event, String actor) {
        check(event);
        // The whole event is retried when a campaign job moved the same process instance while we correlated to it,
        // when the database broke a lock cycle with a job, or when a concurrent request won a unique key (same
        // eventId, or a new contact with the same e-mail): the retry then finds what the other request stored.
        return metrics.timed(actor, () -> ConcurrentChanges.retried(transaction, ATTEMPTS,
                DuplicateKeyException.class::isInstance, status -> ingestOnce(event, actor)));
    }

    /** Holds an event to the limits and the property rules, as {@link #ingest} does before it stores anything. */
    public void check(IncomingEvent event) {
        EventLimits.check(event, Instant.now());
        EventPropertyCheck.check(event.type(), event.properties());
        propertyRules.forEach(rule -> rule.check(event.type(), event.properties()));
    }

    /**
     * Events in their order, all in one transaction, for a batch: one commit instead of one per event. All or
     * nothing, without retries: when any event fails, none is stored, and the caller ingests each on its own with
     * {@link #ingest}, so one event's refusal or conflict costs no other event its place.
     */
    public void ingestTogether(List<IncomingEvent> batch, String actor) {
        batch.forEach(this::check);
        metrics.timed(actor, () -> transaction.executeWithoutResult(
                status -> batch.forEach(event -> record(event, actor))));
    }

    private IngestionResult ingestOnce(IncomingEvent event, String actor) {
        Recorded recorded = record(event, actor);
        return resultFor(recorded.contactId(), recorded.duplicate());
    }

    private record Recorded(String contactId, boolean duplicate) {
    }

    private Recorded record(IncomingEvent event, String actor) {
        Optional<String> known = event.eventId() == null ? Optional.empty()
                : events.findContactOfEvent(event.eventId());
        if (known.isPresent()) {
            return new Recorded(known.get(), true);
        }
        RoutedEvent routed = stages.route(event.type(), event.profile().source(), actor);
        Resolved resolved = identities.resolve(event.contactId(), event.email(), event.anonymousId(), event.userId(),
                stages.initialStage(routed, event.email() != null), event.profile());
        // one event per contact at a time: all changes count
        Contact before = resolved.locked().orElseGet(() -> contacts.lockById(resolved.contactId()));
        Contact profiled = contacts.updateProfile(before, event.profile());
        contactProperties.write(before.id(), event.contactProperties());
        int points = scoring.pointsFor(before.id(), event.type(), event.properties());
        events.append(event.eventId(), before.id(), event.type(), event.occurredAt(), points, event.properties());
        Contact scored = scoring.score(profiled, event.type(), points, event.occurredAt());
        if (EventType.UNSUBSCRIBED.equals(event.type())) {
            contacts.markUnsubscribed(before.id());
        } else if (EventType.RESUBSCRIBED.equals(event.type())) {
            contacts.markResubscribed(before.id());
        }
        // stage moves last: the campaigns they start see the stored event and score
        stages.move(routed, resolved.created(), before, scored);
        publisher.publishEvent(new ContactEventRecorded(before.id(), event.type(), event.occurredAt(),
                event.properties()));
        metrics.countOnCommit(event.type(), actor);
        return new Recorded(before.id(), false);
    }

    /** Read again: the listeners' campaign steps (a click's next step, an NPS answer) may have moved or scored it. */
    private IngestionResult resultFor(String contactId, boolean duplicate) {
        Contact contact = contacts.getById(contactId);
        return new IngestionResult(contact.id(), contact.lifecycleStage(), contact.score(), duplicate);
    }

    /** A validated event, ready to ingest; {@code userId} is the id the site's own user accounts give the person. */
    public record IncomingEvent(String eventId, EventType type, String email, String anonymousId, String userId,
            String contactId, Instant occurredAt, ContactProfile profile, Map<String, Object> properties,
            PropertyValues contactProperties) {

        /** An event that sets no custom property. */
        public IncomingEvent(String eventId, EventType type, String email, String anonymousId, String userId,
                String contactId, Instant occurredAt, ContactProfile profile, Map<String, Object> properties) {
            this(eventId, type, email, anonymousId, userId, contactId, occurredAt, profile, properties,
                    PropertyValues.NONE);
        }

        /** An event without a user id. */
        public IncomingEvent(String eventId, EventType type, String email, String anonymousId, String contactId,
                Instant occurredAt, ContactProfile profile, Map<String, Object> properties) {
            this(eventId, type, email, anonymousId, null, contactId, occurredAt, profile, properties);
        }
    }
}
