package io.nurture.scoring;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/**
 * The survivor of a merge takes over the merged contact's score history and earns its behaviour score, as one
 * recorded change.
 */
@Component
class ScoresOnMerge {

    private final Scores scores;

    ScoresOnMerge(Scores scores) {
        this.scores = scores;
    }

    @EventListener
    void on(ContactsMerged merged) {
        scores.reassignHistory(merged.mergedId(), merged.survivorId());
        String who = merged.merged().email() == null ? "an anonymous visitor" : merged.merged().email();
        scores.addBehaviour(merged.survivorId(), merged.merged().behaviourScore(), ScoreComponent.BEHAVIOUR,
                "Merged the history of " + who);
    }
}
