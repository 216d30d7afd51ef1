package io.nurture.enrolment;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/** An erased contact leaves every enrolment. */
@Component
class EnrolmentRowsOnErasure {

    private final EnrolmentStore store;

    EnrolmentRowsOnErasure(EnrolmentStore store) {
        this.store = store;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("enrolmentPlaces", store.deleteOf(erased.contactId()));
    }
}
