package io.nurture.lifecycle;

import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.LifecycleStage;
import io.nurture.event.EventType;

/**
 * What one event does to a contact's stage: the stage a new contact starts in, the stage rules' move, and MQL, at once
 * for a hand-raiser ({@code lead-routing.dmn}) or when the event's scores cross the threshold
 * ({@code mql-qualification.dmn}). A consent change moves nobody, except into a new contact's first stage.
 */
@Component
public class EventStages {

    private final MqlRules mqlRules;
    private final StageRules stageRules;
    private final Funnel funnel;
    private final ScoreQualification qualification;
    private final LifecycleService lifecycle;
    private final ContactRepository contacts;

    EventStages(MqlRules mqlRules, StageRules stageRules, Funnel funnel, ScoreQualification qualification,
            LifecycleService lifecycle, ContactRepository contacts) {
        this.mqlRules = mqlRules;
        this.stageRules = stageRules;
        this.funnel = funnel;
        this.qualification = qualification;
        this.lifecycle = lifecycle;
        this.contacts = contacts;
    }

    /** The event with the {@code lead-routing} of the source it names. */
    public RoutedEvent route(EventType type, String source, String actor) {
        return new RoutedEvent(type, source, mqlRules.route(type, source), actor);
    }

    /** The stage a contact this event creates starts in: a known hand-raiser starts qualified. */
    public LifecycleStage initialStage(RoutedEvent event, boolean knownByEmail) {
        return knownByEmail && event.routing().isStraightToSdr() ? qualified()
                : stageRules.initialStage(event.type(), knownByEmail);
    }

    /**
     * Moves the contact for this event. {@code before} is the contact as read under its lock before the event,
     * {@code scored} the same contact with the event's profile and scores.
     */
    public void move(RoutedEvent event, boolean created, Contact before, Contact scored) {
        if (event.type().changesConsentOnly() && !created) {
            return;
        }
        LeadRouting routing = event.source() == null && before.source() != null
                ? mqlRules.route(event.type(), before.source()) // a known lead keeps its first source
                : event.routing();
        String contactId = scored.id();
        boolean moved;
        if (created) {
            LifecycleStage first = scored.lifecycleStage();
            lifecycle.enter(contactId, first, routing.isStraightToSdr() && funnel.plays(first, StageRole.QUALIFIED)
                    ? routing.reason() : event.reason(), event.actor());
            moved = true;
        } else {
            moved = stageRules.targetFor(event.type(), scored.lifecycleStage(), scored.email() != null)
                    .map(target -> lifecycle.advance(scored, target, event.reason(), event.actor())).orElse(false);
        }
        // a move ran the StageChanged listeners, and a campaign they start runs up to its first wait state at once:
        // a marketer's diagram may have changed the score or the stage there, so the MQL rule reads what is stored
        Contact now = moved ? contacts.getById(contactId) : scored;
        if (!qualification.canBecomeMql(now)) {
            return;
        }
        if (routing.isStraightToSdr()) {
            lifecycle.advance(now, qualified(), routing.reason(), event.actor());
        } else if (qualification.crossedThreshold(created ? null : before, now)) {
            qualification.qualify(now, event.actor());
        }
    }

    private LifecycleStage qualified() {
        return funnel.require(StageRole.QUALIFIED);
    }
}
