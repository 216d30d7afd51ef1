package io.nurture.scoring;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.event.EventStore;
import io.nurture.event.EventType;

/**
 * What one event does to a contact's scores: its behaviour points ({@code behaviour-score.dmn}; a consent change earns
 * none), an engagement that holds off the decay, and the fit its profile earns now ({@code fit-score.dmn}, evaluated
 * on every event so that a redeployed table applies at once).
 */
@Service
public class EventScoring {

    private final BehaviourScoring behaviour;
    private final FitScoring fit;
    private final Scores scores;
    private final EventStore events;
    private final ContactRepository contacts;

    EventScoring(BehaviourScoring behaviour, FitScoring fit, Scores scores, EventStore events,
            ContactRepository contacts) {
        this.behaviour = behaviour;
        this.fit = fit;
        this.scores = scores;
        this.events = events;
        this.contacts = contacts;
    }

    /** The event's behaviour points; call it before the event is stored, a page view counts the visits before it. */
    public int pointsFor(String contactId, EventType type, Map<String, Object> properties) {
        if (type.changesConsentOnly()) {
            return 0;
        }
        long visitsBefore = EventType.PAGE_VIEW.equals(type) ? events.count(contactId, EventType.PAGE_VIEW) : 0;
        return behaviour.pointsFor(type, properties, visitsBefore);
    }

    /**
     * Adds the points and sets the fit of {@code locked}, the contact as read under its lock with the event's profile;
     * returns it with its new scores.
     */
    public Contact score(Contact locked, EventType type, int points, Instant occurredAt) {
        String reason = "event " + type.wireName();
        int applied;
        if (points > 0) {
            Instant now = Instant.now();
            applied = scores.addEngagement(locked, points, reason, occurredAt.isAfter(now) ? now : occurredAt);
        } else {
            applied = scores.addBehaviour(locked.id(), points, ScoreComponent.BEHAVIOUR, reason);
        }
        int fitNow = fit.fitOf(locked);
        if (fitNow != locked.fitScore()) {
            scores.setFit(locked.id(), fitNow, "profile after " + reason);
        }
        return locked.withScores(locked.behaviourScore() + applied, fitNow);
    }
}
