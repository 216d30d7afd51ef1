package io.nurture.reporting;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/**
 * The erased contact's send facts go with it (they also go with their deliveries; not counted for the audit, which
 * counts the deliveries).
 */
@Component
class ReportRowsOnErasure {

    private final DeliveryFacts facts;

    ReportRowsOnErasure(DeliveryFacts facts) {
        this.facts = facts;
    }

    @EventListener
    void on(ContactErased erased) {
        facts.deleteOf(erased.contactId());
    }
}
