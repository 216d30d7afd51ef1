package io.nurture.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.web.InvalidInputException;

@Repository
public class EventStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    EventStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<String> findContactOfEvent(String eventId) {
        return jdbc.sql("SELECT contact_id FROM contact_event WHERE event_id = ?").param(eventId)
                .query(String.class).optional();
    }

    public void append(String eventId, String contactId, EventType type, Instant occurredAt, int points,
            Map<String, Object> properties) {
        jdbc.sql("""
                INSERT INTO contact_event (id, event_id, contact_id, type, occurred_at, received_at, points, properties,
                                           delivery_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(TimeOrderedIds.next(), eventId, contactId, type.wireName(), Timestamp.from(occurredAt),
                        Timestamp.from(Instant.now()), points, toJson(properties), deliveryIdOf(properties))
                .update();
    }

    /** How many events of this type the contact ever had, those pruned into daily counts included. */
    public long count(String contactId, EventType type) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM contact_event WHERE contact_id = :contact AND type = :type)
                     + (SELECT COALESCE(SUM(event_count), 0) FROM contact_event_daily
                        WHERE contact_id = :contact AND type = :type)""")
                .param("contact", contactId).param("type", type.wireName()).query(Long.class).single();
    }

    /** The type of the event stored last for a contact (the one that triggered what happens now). */
    public Optional<EventType> latestReceivedType(String contactId) {
        return jdbc.sql("""
                SELECT type FROM contact_event WHERE contact_id = ? ORDER BY received_at DESC, occurred_at DESC
                LIMIT 1""").param(contactId).query(String.class).optional().flatMap(EventType::fromWireName);
    }

    /** The latest events of a contact, newest first, for the people who work the lead. */
    public List<RecordedEvent> recent(String contactId, int limit) {
        return jdbc.sql("""
                SELECT type, occurred_at, points FROM contact_event WHERE contact_id = ?
                ORDER BY occurred_at DESC, received_at DESC LIMIT ?""")
                .params(contactId, limit)
                .query((rs, row) -> new RecordedEvent(rs.getString("type"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getInt("points")))
                .list();
    }

    public record RecordedEvent(String type, Instant occurredAt, int points) {
    }

    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("UPDATE contact_event SET contact_id = ? WHERE contact_id = ?").params(toContactId, fromContactId)
                .update();
        jdbc.sql("UPDATE contact_event_daily SET contact_id = ? WHERE contact_id = ?").params(toContactId, fromContactId)
                .update();
    }

    /** The contact's events, also those pruned into daily counts; answers how many events went. */
    int deleteOf(String contactId) {
        long pruned = jdbc.sql("SELECT COALESCE(SUM(event_count), 0) FROM contact_event_daily WHERE contact_id = ?")
                .param(contactId).query(Long.class).single();
        jdbc.sql("DELETE FROM contact_event_daily WHERE contact_id = ?").param(contactId).update();
        return Math.toIntExact(pruned + jdbc.sql("DELETE FROM contact_event WHERE contact_id = ?").param(contactId)
                .update());
    }

    /** Tracking events name the send they came from; the column lets reports join them to deliveries. */
    private static String deliveryIdOf(Map<String, Object> properties) {
        Object deliveryId = properties == null ? null : properties.get("deliveryId");
        return deliveryId instanceof String id && id.length() <= 36 ? id : null;
    }

    private String toJson(Map<String, Object> properties) {
        try {
            return properties == null ? null : json.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("properties cannot be stored as JSON: " + e.getOriginalMessage());
        }
    }
}
