package io.nurture.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.nurture.channel.DeliveryLog.Delivery;
import io.nurture.contact.ContactProfile;
import io.nurture.event.EventIngestionService;
import io.nurture.event.EventIngestionService.IncomingEvent;
import io.nurture.event.EventType;

/**
 * Turns what a recipient did into ordinary contact events (scored, stored with their delivery, reacted to by the
 * campaigns). The event id makes a repeated open, click of the same link or unsubscribe count once.
 */
@Component
class TrackedEvents {

    static final String ACTOR = "tracking";

    private final EventIngestionService ingestion;

    TrackedEvents(EventIngestionService ingestion) {
        this.ingestion = ingestion;
    }

    void opened(Delivery delivery) {
        record(EventType.EMAIL_OPENED, "open:" + delivery.id(), delivery, Map.of());
    }

    void clicked(Delivery delivery, String url) {
        String linkId = UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8)).toString();
        record(EventType.EMAIL_CLICKED, "click:" + delivery.id() + ":" + linkId, delivery, Map.of("url", url));
    }

    void unsubscribed(Delivery delivery) {
        record(EventType.UNSUBSCRIBED, "unsubscribe:" + delivery.id(), delivery, Map.of());
    }

    private void record(EventType type, String eventId, Delivery delivery, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("deliveryId", delivery.id());
        putIfPresent(properties, "campaign", delivery.campaign());
        putIfPresent(properties, "step", delivery.step());
        putIfPresent(properties, "variant", delivery.variant());
        ingestion.ingest(new IncomingEvent(eventId, type, null, null, delivery.contactId(), Instant.now(),
                ContactProfile.EMPTY, properties), ACTOR);
    }

    private static void putIfPresent(Map<String, Object> properties, String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
    }
}
