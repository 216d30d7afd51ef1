package io.nurture.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.web.InvalidInputException;

/**
 * The only writer of {@code contact_property}: a contact's custom properties ({@link PropertyValues}). A write that
 * changes any publishes {@link ContactChanged} in the writing transaction, so live segments re-check the contact.
 * Writers hold the contact's lock ({@link ContactRepository#lockById}), so a read-then-write here is not raced.
 */
@Repository
public class ContactProperties {

    private static final int[] ROW_TYPES = { Types.VARCHAR, Types.DOUBLE, Types.BOOLEAN, Types.TIMESTAMP,
            Types.VARCHAR, Types.VARCHAR };

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate batches;

    ContactProperties(JdbcClient jdbc, ApplicationEventPublisher events, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.events = events;
        this.batches = batches;
    }

    /** The contact's properties by name: strings, numbers (whole ones as longs) and booleans. */
    public Map<String, Object> of(String contactId) {
        Map<String, Object> properties = new TreeMap<>();
        jdbc.sql("SELECT name, text_value, number_value, flag_value FROM contact_property WHERE contact_id = ?")
                .param(contactId).query(rs -> {
                    properties.put(rs.getString("name"), value(rs));
                });
        return properties;
    }

    /** The properties of these contacts in one query (an import's chunk), to check a bulk write against. */
    public StoredProperties storedOf(Collection<String> contactIds) {
        Map<String, Map<String, Object>> byContact = new HashMap<>();
        if (!contactIds.isEmpty()) {
            jdbc.sql("""
                    SELECT contact_id, name, text_value, number_value, flag_value FROM contact_property
                    WHERE contact_id IN (:ids)""").param("ids", List.copyOf(new LinkedHashSet<>(contactIds)))
                    .query(rs -> {
                        byContact.computeIfAbsent(rs.getString("contact_id"), id -> new HashMap<>())
                                .put(rs.getString("name"), value(rs));
                    });
        }
        return new StoredProperties(byContact);
    }

    /**
     * Sets the given values and removes the null ones; refused, with nothing written, when the contact would have more
     * than {@link PropertyValues#MAX_PER_CONTACT}.
     */
    public void write(String contactId, PropertyValues values) {
        writeAll(Map.of(contactId, values));
    }

    /**
     * {@link #write} for many contacts at once, one batch per kind of change (insert, update, delete) however many
     * contacts; the caller holds their locks. Answers the contacts whose properties changed, each with its
     * {@link ContactChanged}. Refused, with nothing written, when one would have more than
     * {@link PropertyValues#MAX_PER_CONTACT} ({@link StoredProperties#refusal} tells beforehand).
     */
    public Set<String> writeAll(Map<String, PropertyValues> byContact) {
        Map<String, PropertyValues> given = new HashMap<>(byContact);
        given.values().removeIf(PropertyValues::isEmpty);
        if (given.isEmpty()) {
            return Set.of();
        }
        StoredProperties stored = storedOf(given.keySet());
        given.forEach((contactId, values) -> stored.refusal(contactId, values).ifPresent(refusal -> {
            throw new InvalidInputException(refusal);
        }));
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        given.forEach((contactId, values) -> {
            Map<String, Object> before = stored.of(contactId);
            values.values().forEach((name, value) -> {
                if (value == null) {
                    if (before.containsKey(name)) {
                        deletes.add(new Object[] { contactId, name });
                        changed.add(contactId);
                    }
                } else if (!StoredProperties.sameValue(before.get(name), value)) {
                    (before.containsKey(name) ? updates : inserts).add(row(contactId, name, value, now));
                    changed.add(contactId);
                }
            });
        });
        if (!inserts.isEmpty()) {
            batches.batchUpdate("""
                    INSERT INTO contact_property (text_value, number_value, flag_value, updated_at, contact_id, name)
                    VALUES (?, ?, ?, ?, ?, ?)""", inserts, ROW_TYPES);
        }
        if (!updates.isEmpty()) {
            batches.batchUpdate("""
                    UPDATE contact_property SET text_value = ?, number_value = ?, flag_value = ?, updated_at = ?
                    WHERE contact_id = ? AND name = ?""", updates, ROW_TYPES);
        }
        if (!deletes.isEmpty()) {
            batches.batchUpdate("DELETE FROM contact_property WHERE contact_id = ? AND name = ?", deletes,
                    new int[] { Types.VARCHAR, Types.VARCHAR });
        }
        changed.forEach(contactId -> events.publishEvent(new ContactChanged(contactId)));
        return changed;
    }

    private static Object[] row(String contactId, String name, Object value, Timestamp now) {
        return new Object[] { value instanceof String s ? s : null, value instanceof Number n ? n.doubleValue() : null,
                value instanceof Boolean b ? b : null, now, contactId, name };
    }

    /**
     * Merge: the survivor takes the merged contact's properties it does not have itself; its own stay. True when it
     * took any.
     */
    boolean reassign(String fromContactId, String toContactId) {
        int moved = jdbc.sql("""
                UPDATE contact_property SET contact_id = ? WHERE contact_id = ?
                AND name NOT IN (SELECT name FROM contact_property WHERE contact_id = ?)""")
                .params(toContactId, fromContactId, toContactId).update();
        deleteOf(fromContactId);
        return moved > 0;
    }

    int deleteOf(String contactId) {
        return jdbc.sql("DELETE FROM contact_property WHERE contact_id = ?").param(contactId).update();
    }

    private static Object value(ResultSet rs) throws SQLException {
        String text = rs.getString("text_value");
        if (text != null) {
            return text;
        }
        double number = rs.getDouble("number_value");
        if (!rs.wasNull()) {
            return PropertyValues.shown(number);
        }
        return rs.getBoolean("flag_value");
    }
}
