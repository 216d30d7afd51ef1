package io.nurture.lifecycle;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/** An erased contact's stage moves go with it. */
@Component
class LedgerOnErasure {

    private final StageLedger ledger;

    LedgerOnErasure(StageLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("stageMoves", ledger.deleteOf(erased.contactId()));
    }
}
