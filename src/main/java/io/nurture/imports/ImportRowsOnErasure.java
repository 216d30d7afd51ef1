package io.nurture.imports;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/** An erased contact's address leaves the imports' refused rows (the uploads themselves are gone once run). */
@Component
class ImportRowsOnErasure {

    private final ImportStore store;

    ImportRowsOnErasure(ImportStore store) {
        this.store = store;
    }

    @EventListener
    void on(ContactErased erased) {
        if (erased.email() != null) {
            erased.count("importErrorRows", store.deleteErrorsOf(erased.email()));
        }
    }
}
