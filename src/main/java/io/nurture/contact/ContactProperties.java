package io.nurture.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
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

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ContactProperties(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
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

    /**
     * Sets the given values and removes the null ones; refused, with nothing written, when the contact would have more
     * than {@link PropertyValues#MAX_PER_CONTACT}.
     */
    public void write(String contactId, PropertyValues values) {
        if (values.isEmpty()) {
            return;
        }
        Map<String, Object> stored = of(contactId);
        Map<String, Object> after = new LinkedHashMap<>(stored);
        values.values().forEach((name, value) -> {
            if (value == null) {
                after.remove(name);
            } else {
                after.put(name, value);
            }
        });
        if (after.size() > PropertyValues.MAX_PER_CONTACT) {
            throw new InvalidInputException(values.path() + ": a contact has at most " + PropertyValues.MAX_PER_CONTACT
                    + " custom properties; this would make " + after.size() + ". Remove some by setting them to null");
        }
        Timestamp now = Timestamp.from(Instant.now());
        boolean changed = false;
        for (Map.Entry<String, Object> entry : values.values().entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            if (value == null) {
                changed |= jdbc.sql("DELETE FROM contact_property WHERE contact_id = ? AND name = ?")
                        .params(contactId, name).update() > 0;
            } else if (!sameValue(stored.get(name), value)) {
                upsert(contactId, name, value, now, stored.containsKey(name));
                changed = true;
            }
        }
        if (changed) {
            events.publishEvent(new ContactChanged(contactId));
        }
    }

    private void upsert(String contactId, String name, Object value, Timestamp now, boolean exists) {
        String text = value instanceof String s ? s : null;
        Double number = value instanceof Number n ? n.doubleValue() : null;
        Boolean flag = value instanceof Boolean b ? b : null;
        if (exists) {
            jdbc.sql("""
                    UPDATE contact_property SET text_value = ?, number_value = ?, flag_value = ?, updated_at = ?
                    WHERE contact_id = ? AND name = ?""")
                    .params(text, number, flag, now, contactId, name).update();
        } else {
            jdbc.sql("""
                    INSERT INTO contact_property (contact_id, name, text_value, number_value, flag_value, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(contactId, name, text, number, flag, now).update();
        }
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

    private static boolean sameValue(Object stored, Object value) {
        if (stored instanceof Number a && value instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(stored, value);
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
