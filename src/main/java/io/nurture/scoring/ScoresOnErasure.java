package io.nurture.scoring;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/** An erased contact's score history goes with it. */
@Component
class ScoresOnErasure {

    private final Scores scores;

    ScoresOnErasure(Scores scores) {
        this.scores = scores;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("scoreChanges", scores.deleteHistoryOf(erased.contactId()));
    }
}
