package io.nurture.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.TablesTest;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.ContactProfile;
import io.nurture.contact.LifecycleStage;
import io.nurture.event.EventStore.RecordedEvent;

/** The {@code contact_event} table through the event store, on the migrated schema. */
@TablesTest
class EventStoreTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    EventStore events;

    @Autowired
    ContactRepository contacts;

    @Autowired
    JdbcClient jdbc;

    String contactId;

    @BeforeEach
    void aContact() {
        contactId = contacts.create(null, LifecycleStage.of("VISITOR"), ContactProfile.EMPTY).id();
    }

    @Test
    void anEventIdNamesItsContact() {
        String eventId = UUID.randomUUID().toString();
        events.append(eventId, contactId, EventType.PAGE_VIEW, MONDAY, 1, Map.of("page", "/pricing"));

        assertThat(events.findContactOfEvent(eventId)).contains(contactId);
        assertThat(events.findContactOfEvent("never-sent")).isEmpty();
        assertThat(events.count(contactId, EventType.PAGE_VIEW)).isEqualTo(1);
    }

    /** What the de-duplication of concurrent deliveries of one event relies on. */
    @Test
    void theSameEventIdIsStoredOnce() {
        String eventId = UUID.randomUUID().toString();
        events.append(eventId, contactId, EventType.PAGE_VIEW, MONDAY, 1, null);

        assertThatThrownBy(() -> events.append(eventId, contactId, EventType.PAGE_VIEW, MONDAY, 1, null))
                .isInstanceOf(DuplicateKeyException.class);
        events.append(null, contactId, EventType.PAGE_VIEW, MONDAY, 1, null);
        events.append(null, contactId, EventType.PAGE_VIEW, MONDAY, 1, null);
        assertThat(events.count(contactId, EventType.PAGE_VIEW)).isEqualTo(3);
    }

    @Test
    void aTrackingEventKeepsItsDeliveryForTheReportsAndItsPropertiesAsJson() {
        String deliveryId = UUID.randomUUID().toString();
        events.append(null, contactId, EventType.EMAIL_OPENED, MONDAY, 2, Map.of("deliveryId", deliveryId));
        events.append(null, contactId, EventType.EMAIL_CLICKED, MONDAY, 3, Map.of("deliveryId", Map.of("id", "x")));

        assertThat(jdbc.sql("SELECT delivery_id FROM contact_event WHERE contact_id = ? ORDER BY points")
                .param(contactId).query(String.class).list()).containsExactly(deliveryId, null);
        assertThat(jdbc.sql("SELECT properties FROM contact_event WHERE contact_id = ? AND type = 'email_clicked'")
                .param(contactId).query(String.class).single()).isEqualTo("{\"deliveryId\":{\"id\":\"x\"}}");
    }

    @Test
    void theLatestEventsComeNewestFirstByWhenTheyHappened() {
        events.append(null, contactId, EventType.PAGE_VIEW, MONDAY, 1, null);
        events.append(null, contactId, EventType.PRICING_PAGE_VIEW, MONDAY.plusSeconds(60), 10, null);
        events.append(null, contactId, EventType.FORM_SUBMITTED, MONDAY.minusSeconds(60), 10, null);

        assertThat(events.recent(contactId, 2)).extracting(RecordedEvent::type)
                .containsExactly("pricing_page_view", "page_view");
    }
}
