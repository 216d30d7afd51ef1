package io.nurture.lifecycle;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/**
 * The survivor of a merge takes over the merged contact's stage moves, interleaved with its own by time, so each
 * move's next move and previous entry are worked out again for the combined ledger.
 */
@Component
class LedgerOnMerge {

    private final StageLedger ledger;
    private final MoveFacts facts;

    LedgerOnMerge(StageLedger ledger, MoveFacts facts) {
        this.ledger = ledger;
        this.facts = facts;
    }

    @EventListener
    void on(ContactsMerged merged) {
        ledger.reassign(merged.mergedId(), merged.survivorId());
        facts.fillMoveFactsOf(merged.survivorId());
    }
}
