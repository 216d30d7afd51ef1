package io.nurture.lifecycle;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactFacet;

/** The contact JSON's {@code stageHistory}: its rows of the stage ledger, oldest first. */
@Component
class StageHistoryFacet implements ContactFacet {

    private final StageLedger ledger;

    StageHistoryFacet(StageLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Map<String, Object> fieldsFor(Contact contact) {
        return Map.of("stageHistory", ledger.history(contact.id()));
    }
}
