package io.nurture.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.nurture.channel.DeliveryLog.Delivery;
import io.nurture.contact.ContactProfile;
import io.nurture.event.EventStore;
import io.nurture.event.EventType;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.ingestion.EventIngestionService;

/**
 * Turns what a recipient did into ordinary contact events (scored, stored with their delivery, reacted to by the
 * campaigns). The event id makes a repeated open, click of the same link or unsubscribe count once.
 */
@Component
class TrackedEvents {

    static final String ACTOR = "tracking";

    private final EventIngestionService ingestion;
    private final EventStore store;

    TrackedEvents(EventIngestionService ingestion, EventStore store) {
        this.ingestion = ingestion;
        this.store = store;
    }

    void opened(Delivery delivery) {
        record(EventType.EMAIL_OPENED, "open:" + delivery.id(), delivery, Map.of());
    }

    void clicked(Delivery delivery, String url) {
        String linkId = UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8)).toString();
        record(EventType.EMAIL_CLICKED, "click:" + delivery.id() + ":" + linkId, delivery, Map.of("url", url));
    }

    void unsubscribed(Delivery delivery) {
        unsubscribed(delivery, ContactProfile.EMPTY);
    }

    /**
     * The event id counts once per subscribed period: after a re-subscription the same mail's link unsubscribes
     * again, while a mail client's one-click and the confirm button within one period stay one unsubscribe.
     */
    void unsubscribed(Delivery delivery, ContactProfile profile) {
        long resubscriptions = store.count(delivery.contactId(), EventType.RESUBSCRIBED);
        record(EventType.UNSUBSCRIBED, "unsubscribe:" + delivery.id() + (resubscriptions == 0 ? ""
                : ":" + resubscriptions), delivery, profile, Map.of());
    }

    /** Once per unsubscribed period, like {@link #unsubscribed(Delivery, ContactProfile)}. */
    void resubscribed(Delivery delivery, ContactProfile profile) {
        long unsubscriptions = store.count(delivery.contactId(), EventType.UNSUBSCRIBED);
        record(EventType.RESUBSCRIBED, "resubscribe:" + delivery.id() + ":" + unsubscriptions, delivery, profile,
                Map.of());
    }

    private void record(EventType type, String eventId, Delivery delivery, Map<String, Object> extra) {
        record(type, eventId, delivery, ContactProfile.EMPTY, extra);
    }

    private void record(EventType type, String eventId, Delivery delivery, ContactProfile profile,
            Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("deliveryId", delivery.id());
        putIfPresent(properties, "campaign", delivery.campaign());
        putIfPresent(properties, "step", delivery.step());
        putIfPresent(properties, "variant", delivery.variant());
        ingestion.ingest(new IncomingEvent(eventId, type, null, null, delivery.contactId(), Instant.now(),
                profile, properties), ACTOR);
    }

    private static void putIfPresent(Map<String, Object> properties, String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
    }
}
