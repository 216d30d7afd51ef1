package io.nurture.setup;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.nurture.contact.ContactProfile;
import io.nurture.contact.ContactRepository;
import io.nurture.event.EventType;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.ingestion.EventIngestionService;

/** A few contacts in several stages, so Cockpit, Tasklist and the API are not empty on first start. */
@Component
class DemoData {

    private static final String ACTOR = "demo-data";

    private final ContactRepository contacts;
    private final EventIngestionService ingestion;

    DemoData(ContactRepository contacts, EventIngestionService ingestion) {
        this.contacts = contacts;
        this.ingestion = ingestion;
    }

    void createIfEmpty() {
        if (!contacts.isEmpty()) {
            return;
        }
        event("demo-1", EventType.PAGE_VIEW, null, "anon-7f3a", ContactProfile.EMPTY);
        event("demo-2", EventType.CONTENT_DOWNLOADED, "ada@example.com", null,
                profile("Ada", "Lovelace", "Analytical Engines", "software", 250, "GB", "whitepaper"));
        event("demo-3", EventType.NEWSLETTER_SUBSCRIBED, "linus@example.com", null,
                profile("Linus", "Berg", "Kernel AB", "software", 40, "SE", "newsletter"));
        event("demo-4", EventType.DEMO_REQUESTED, "grace@example.com", null,
                profile("Grace", "Hopper", "Navy Labs", "government", 1200, "US", "demo-form"));
        event("demo-5", EventType.PURCHASE, "katherine@example.com", null,
                profile("Katherine", "Johnson", "Orbit Co", "aerospace", 800, "US", "paid-search"));
    }

    private static ContactProfile profile(String first, String last, String company, String industry, int size,
            String country, String source) {
        return new ContactProfile(first, last, company, industry, size, country, source, null, true, false);
    }

    private void event(String id, EventType type, String email, String anonymousId, ContactProfile profile) {
        ingestion.ingest(new IncomingEvent(id, type, email, anonymousId, null, Instant.now(), profile,
                Map.of()), ACTOR);
    }
}
