package io.nurture.event;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.contact.ContactRepository;
import io.nurture.retention.PrunableByContact;
import io.nurture.retention.RetentionProperties;

/**
 * Prunes events past {@code nurture.retention.events}, leaving per UTC day, type and contact their count in
 * {@code contact_event_daily} (what the event report needs), in the same transaction. The batch's contacts are locked
 * first, skipping those another transaction holds, so an event, merge or erasure of the same contact never sees half
 * a batch. Events that name a send ({@code delivery_id}) stay as long as the send: its report facts are worked out
 * again from them on a merge. Runs after the deliveries' pruning.
 */
@Component
@Order(2)
class EventRetention extends PrunableByContact {

    /** The event names no send, or one already pruned (channel's deliveries go first each night). */
    private static final String NO_KEPT_SEND =
            "(e.delivery_id IS NULL OR NOT EXISTS (SELECT 1 FROM delivery d WHERE d.id = e.delivery_id))";

    private static final String OLDEST_CONTACTS = """
            SELECT DISTINCT contact_id FROM (
                SELECT e.contact_id FROM contact_event e
                WHERE e.occurred_at < :cutoff AND %s ORDER BY e.occurred_at LIMIT :limit) oldest"""
            .formatted(NO_KEPT_SEND);

    private static final String OLD_EVENTS_OF = """
            SELECT e.id, e.contact_id, e.type, e.occurred_at FROM contact_event e
            WHERE e.contact_id IN (:contacts) AND e.occurred_at < :cutoff AND %s
            ORDER BY e.occurred_at LIMIT :limit""".formatted(NO_KEPT_SEND);

    private record OldEvent(String id, String contactId, String type, Instant occurredAt) {
    }

    private record DayOfType(LocalDate day, String type, String contactId) {
    }

    private final JdbcClient jdbc;
    private final RetentionProperties properties;

    EventRetention(JdbcClient jdbc, ContactRepository contacts, TransactionTemplate transaction,
            RetentionProperties properties) {
        super(transaction, contacts::lockAvailable);
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public Duration retention() {
        return properties.events();
    }

    @Override
    protected List<String> contactsOfOldestRows(Timestamp cutoff, int limit) {
        return jdbc.sql(OLDEST_CONTACTS).param("cutoff", cutoff).param("limit", limit).query(String.class).list();
    }

    @Override
    protected int prune(List<String> contacts, Timestamp cutoff, int limit) {
        List<OldEvent> events = jdbc.sql(OLD_EVENTS_OF).param("contacts", contacts).param("cutoff", cutoff)
                .param("limit", limit)
                .query((rs, row) -> new OldEvent(rs.getString("id"), rs.getString("contact_id"),
                        rs.getString("type"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
        Map<DayOfType, Long> counts = new LinkedHashMap<>();
        events.forEach(e -> counts.merge(new DayOfType(LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC),
                e.type(), e.contactId()), 1L, Long::sum));
        counts.forEach((day, count) -> jdbc.sql("""
                INSERT INTO contact_event_daily (event_day, type, contact_id, event_count) VALUES (?, ?, ?, ?)""")
                .params(day.day(), day.type(), day.contactId(), count).update());
        List<String> ids = events.stream().map(OldEvent::id).toList();
        if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM contact_event WHERE id IN (:ids)").param("ids", ids).update();
        }
        return events.size();
    }
}
