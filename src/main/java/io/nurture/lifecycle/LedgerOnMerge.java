package io.nurture.lifecycle;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/** The survivor's ledger now holds the merged contact's moves too: each move's facts are worked out again. */
@Component
class LedgerOnMerge {

    private final MoveFacts facts;

    LedgerOnMerge(MoveFacts facts) {
        this.facts = facts;
    }

    @EventListener
    void on(ContactsMerged merged) {
        facts.fillMoveFactsOf(merged.survivorId());
    }
}
