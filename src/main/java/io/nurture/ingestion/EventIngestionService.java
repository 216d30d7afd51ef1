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
import io.nurture.contact.ContactRepository;
import io.nurture.contact.IdentityResolver.Resolved;
import io.nurture.contact.IdentityResolver;
import io.nurture.contact.LifecycleStage;
import io.nurture.event.ContactEventRecorded;
import io.nurture.event.EventPropertyRule;
import io.nurture.event.EventStore;
import io.nurture.event.EventType;
import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.LeadRouting;
import io.nurture.lifecycle.LifecycleService;
import io.nurture.lifecycle.MqlRules;
import io.nurture.lifecycle.ScoreQualification;
import io.nurture.lifecycle.StageRole;
import io.nurture.lifecycle.StageRules;
import io.nurture.process.ConcurrentChanges;
import io.nurture.scoring.BehaviourScoring;
import io.nurture.scoring.FitScoring;
import io.nurture.scoring.ScoreComponent;
import io.nurture.scoring.Scores;

/**
 * One event, one transaction: dedupe, resolve the contact, store, score, move the stage and let the campaigns react.
 * Nothing is half-stored: any failure rolls back the event, the contact and the process instances together. Before
 * that, whichever way the event came in, it is held to the {@link EventLimits} and the property rules.
 */
@Service
public class EventIngestionService {

    private static final int ATTEMPTS = 8;

    private final TransactionTemplate transaction;
    private final ContactRepository contacts;
    private final IdentityResolver identities;
    private final EventStore events;
    private final BehaviourScoring behaviour;
    private final FitScoring fit;
    private final Scores scores;
    private final StageRules stageRules;
    private final Funnel funnel;
    private final MqlRules mqlRules;
    private final ScoreQualification qualification;
    private final LifecycleService lifecycle;
    private final ApplicationEventPublisher publisher;
    private final List<EventPropertyRule> propertyRules;

    EventIngestionService(TransactionTemplate transaction, ContactRepository contacts, IdentityResolver identities,
            EventStore events, BehaviourScoring behaviour, FitScoring fit, Scores scores, StageRules stageRules,
            Funnel funnel, MqlRules mqlRules, ScoreQualification qualification, LifecycleService lifecycle,
            ApplicationEventPublisher publisher, List<EventPropertyRule> propertyRules) {
        this.transaction = transaction;
        this.contacts = contacts;
        this.identities = identities;
        this.events = events;
        this.behaviour = behaviour;
        this.fit = fit;
        this.scores = scores;
        this.stageRules = stageRules;
        this.funnel = funnel;
        this.mqlRules = mqlRules;
        this.qualification = qualification;
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.propertyRules = propertyRules;
    }

    public IngestionResult ingest(IncomingEvent event, String actor) {
        EventLimits.check(event, Instant.now());
        EventPropertyCheck.check(event.type(), event.properties());
        propertyRules.forEach(rule -> rule.check(event.type(), event.properties()));
        // The whole event is retried when a campaign job moved the same process instance while we correlated to it,
        // when the database broke a lock cycle with a job, or when a concurrent request won a unique key (same
        // eventId, or a new contact with the same e-mail): the retry then finds what the other request stored.
        return ConcurrentChanges.retried(transaction, ATTEMPTS, DuplicateKeyException.class::isInstance,
                status -> ingestOnce(event, actor));
    }

    private IngestionResult ingestOnce(IncomingEvent event, String actor) {
        if (event.eventId() != null) {
            Optional<String> known = events.findContactOfEvent(event.eventId());
            if (known.isPresent()) {
                Contact contact = contacts.getById(known.get());
                return new IngestionResult(contact.id(), contact.lifecycleStage(), contact.score(), true);
            }
        }
        LeadRouting routing = mqlRules.route(event.type(), event.profile().source());
        Resolved resolved = identities.resolve(event.contactId(), event.email(), event.anonymousId(),
                initialStage(event, routing));
        String contactId = resolved.contactId();
        Contact before = contacts.lockById(contactId); // one event per contact at a time: scores and moves add up
        if (event.profile().source() == null && before.source() != null) {
            routing = mqlRules.route(event.type(), before.source()); // a known lead keeps its first source
        }
        contacts.updateProfile(contactId, event.profile());
        score(contactId, event);
        if (event.type() == EventType.UNSUBSCRIBED) {
            contacts.markUnsubscribed(contactId);
        } else if (event.type() == EventType.RESUBSCRIBED) {
            contacts.markResubscribed(contactId);
        }
        // stage moves last: the campaigns they start see the stored event and score
        Contact after = contacts.getById(contactId);
        if (!event.type().changesConsentOnly() || resolved.created()) {
            moveStage(event, resolved, before, after, routing, actor);
        }
        publisher.publishEvent(new ContactEventRecorded(contactId, event.type(), event.occurredAt(),
                event.properties()));
        Contact contact = contacts.getById(contactId);
        return new IngestionResult(contact.id(), contact.lifecycleStage(), contact.score(), false);
    }

    private void score(String contactId, IncomingEvent event) {
        String reason = "event " + event.type().wireName();
        long visitsBefore = event.type() == EventType.PAGE_VIEW ? events.count(contactId, EventType.PAGE_VIEW) : 0;
        int points = event.type().changesConsentOnly() ? 0
                : behaviour.pointsFor(event.type(), event.properties(), visitsBefore);
        events.append(event.eventId(), contactId, event.type(), event.occurredAt(), points, event.properties());
        scores.addBehaviour(contactId, points, ScoreComponent.BEHAVIOUR, reason);
        if (points > 0) {
            contacts.markEngaged(contactId, event.occurredAt().isAfter(Instant.now()) ? Instant.now()
                    : event.occurredAt());
        }
        scores.setFit(contactId, fit.fitOf(contacts.getById(contactId)), "profile after " + reason);
    }

    private void moveStage(IncomingEvent event, Resolved resolved, Contact before, Contact after,
            LeadRouting routing, String actor) {
        String contactId = after.id();
        String reason = "event " + event.type().wireName();
        if (resolved.created()) {
            lifecycle.enter(contactId, before.lifecycleStage(), routing.isStraightToSdr() && funnel.plays(
                    before.lifecycleStage(), StageRole.QUALIFIED) ? routing.reason() : reason, actor);
        } else {
            stageRules.targetFor(event.type(), after.lifecycleStage(), after.email() != null)
                    .ifPresent(target -> lifecycle.advance(contactId, target, reason, actor));
        }
        Contact now = contacts.getById(contactId);
        if (!qualification.canBecomeMql(now)) {
            return;
        }
        if (routing.isStraightToSdr()) {
            lifecycle.advance(contactId, qualified(), routing.reason(), actor);
        } else if (qualification.passes(now) && (resolved.created() || !qualification.passes(before))) {
            qualification.qualify(now, actor);
        }
    }

    private LifecycleStage qualified() {
        return funnel.require(StageRole.QUALIFIED);
    }

    private LifecycleStage initialStage(IncomingEvent event, LeadRouting routing) {
        boolean known = event.email() != null;
        return known && routing.isStraightToSdr() ? qualified() : stageRules.initialStage(event.type(), known);
    }

    /** A validated event, ready to ingest. */
    public record IncomingEvent(String eventId, EventType type, String email, String anonymousId, String contactId,
            Instant occurredAt, ContactProfile profile, Map<String, Object> properties) {
    }
}
