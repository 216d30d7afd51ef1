package io.nurture.lifecycle;

import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.LifecycleStage;
import io.nurture.scoring.ScoreComponent;
import io.nurture.scoring.Scores;

/**
 * The only way a contact changes stage: every move is a ledger row and a {@link StageChanged} event, in the same
 * transaction as the move.
 */
@Service
public class LifecycleService {

    private final ContactRepository contacts;
    private final StageLedger ledger;
    private final ApplicationEventPublisher events;
    private final StageRules rules;
    private final Funnel funnel;
    private final Scores scores;

    LifecycleService(ContactRepository contacts, StageLedger ledger, ApplicationEventPublisher events,
            StageRules rules, Funnel funnel, Scores scores) {
        this.contacts = contacts;
        this.ledger = ledger;
        this.events = events;
        this.rules = rules;
        this.funnel = funnel;
        this.scores = scores;
    }

    /** Records the stage a contact created in this transaction starts in: its first ledger row, so nothing to count. */
    @Transactional
    public void enter(String contactId, LifecycleStage stage, String reason, String actor) {
        requireConfigured(stage);
        Instant at = Instant.now();
        ledger.appendFirstEntries(List.of(contactId), new StageTransition(null, stage, at, reason, actor, 1));
        events.publishEvent(new StageChanged(contactId, null, stage, 1, reason, at));
    }

    /** The stage a contact known by e-mail starts in (LEAD, unless the funnel is configured otherwise). */
    public LifecycleStage knownStage() {
        return funnel.require(StageRole.KNOWN);
    }

    /**
     * Records that these brand-new contacts start in the funnel's known stage (LEAD), in one batch: contacts an import
     * created. With {@code startsCampaigns} false no campaign enrols them (see {@link StageChanged}).
     */
    @Transactional
    public void enterKnown(List<String> contactIds, String reason, String actor, boolean startsCampaigns) {
        LifecycleStage known = knownStage();
        Instant at = Instant.now();
        ledger.appendFirstEntries(contactIds, new StageTransition(null, known, at, reason, actor, 1));
        contactIds.forEach(id -> events.publishEvent(new StageChanged(id, null, known, 1, reason, at,
                startsCampaigns)));
    }

    /** Moves forward only; an event never moves a contact backwards. Returns whether it moved. */
    @Transactional
    public boolean advance(String contactId, LifecycleStage target, String reason, String actor) {
        return advance(contacts.lockById(contactId), target, reason, actor); // the lock serialises concurrent moves
    }

    /** {@link #advance(String, LifecycleStage, String, String)} for a contact already read under its lock. */
    boolean advance(Contact locked, LifecycleStage target, String reason, String actor) {
        if (!funnel.isBefore(locked.lifecycleStage(), target)) {
            return false;
        }
        return move(locked, target, reason, actor);
    }

    /** Moves to any stage, backwards too (recycling, a lost deal); no-op when already there. */
    @Transactional
    public boolean moveTo(String contactId, LifecycleStage target, String reason, String actor) {
        Contact contact = contacts.lockById(contactId);
        if (contact.lifecycleStage().equals(target)) {
            return false;
        }
        return move(contact, target, reason, actor);
    }

    /**
     * Sends a contact back to nurture (SDR "not yet", a lost deal, returned by sales): the configured recycling stage,
     * with the configured score penalty first, so the {@link StageChanged} listeners see the lowered score.
     */
    @Transactional
    public boolean recycle(String contactId, String reason, String actor) {
        Contact contact = contacts.lockById(contactId);
        if (contact.lifecycleStage().equals(rules.recycleStage())) {
            return false;
        }
        scores.addBehaviour(contactId, -rules.recyclePenalty(), ScoreComponent.PENALTY, "Recycled: " + reason);
        return move(contact, rules.recycleStage(), reason, actor);
    }

    private boolean move(Contact contact, LifecycleStage target, String reason, String actor) {
        requireConfigured(target);
        contacts.setStage(contact.id(), target);
        record(contact.id(), contact.lifecycleStage(), target, reason, actor);
        return true;
    }

    private void requireConfigured(LifecycleStage stage) {
        funnel.rankOf(stage); // an unknown stage stops the move with the configured ones
    }

    private void record(String contactId, LifecycleStage from, LifecycleStage to, String reason, String actor) {
        int entry = ledger.countEntries(contactId, to) + 1;
        Instant at = Instant.now();
        ledger.append(contactId, new StageTransition(from, to, at, reason, actor, entry));
        events.publishEvent(new StageChanged(contactId, from, to, entry, reason, at));
    }
}
