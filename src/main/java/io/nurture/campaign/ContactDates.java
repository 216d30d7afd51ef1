package io.nurture.campaign;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.web.InvalidInputException;

/** A contact's dates (event property {@code dates}: {"birthday": "1990-05-17"}) and which ones already fired. */
@Repository
class ContactDates {

    record ContactDate(String contactId, String name, LocalDate date) {
    }

    private final JdbcClient jdbc;

    ContactDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(String contactId, Object dates) {
        if (!(dates instanceof Map<?, ?> map)) {
            throw new InvalidInputException("properties.dates must be an object like {\"birthday\": \"1990-05-17\"}");
        }
        map.forEach((name, value) -> {
            if (!(name instanceof String key) || !key.matches("[A-Za-z][A-Za-z0-9_-]{0,49}")) {
                throw new InvalidInputException("properties.dates: '" + name + "' is not a date name");
            }
            LocalDate date = parse(key, value);
            if (jdbc.sql("UPDATE contact_date SET date_value = ? WHERE contact_id = ? AND name = ?")
                    .params(Date.valueOf(date), contactId, key).update() == 0) {
                jdbc.sql("INSERT INTO contact_date (contact_id, name, date_value) VALUES (?, ?, ?)")
                        .params(contactId, key, Date.valueOf(date)).update();
            }
        });
    }

    List<ContactDate> named(java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT contact_id, name, date_value FROM contact_date WHERE name IN (:names)")
                .param("names", names)
                .query((rs, row) -> new ContactDate(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()))
                .list();
    }

    boolean hasFired(ContactDate date, LocalDate occurrence) {
        return jdbc.sql("SELECT COUNT(*) FROM date_trigger_fired WHERE contact_id = ? AND name = ? AND occurrence = ?")
                .params(date.contactId(), date.name(), Date.valueOf(occurrence)).query(Long.class).single() > 0;
    }

    void markFired(ContactDate date, LocalDate occurrence) {
        jdbc.sql("INSERT INTO date_trigger_fired (contact_id, name, occurrence, fired_at) VALUES (?, ?, ?, ?)")
                .params(date.contactId(), date.name(), Date.valueOf(occurrence),
                        java.sql.Timestamp.from(java.time.Instant.now()))
                .update();
    }

    /** Where both have a date of the same name, or both fired the same occurrence, the survivor keeps its own. */
    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("""
                UPDATE contact_date SET contact_id = ? WHERE contact_id = ?
                AND name NOT IN (SELECT name FROM contact_date WHERE contact_id = ?)""")
                .params(toContactId, fromContactId, toContactId).update();
        jdbc.sql("""
                UPDATE date_trigger_fired SET contact_id = ? WHERE contact_id = ?
                AND (name, occurrence) NOT IN (SELECT name, occurrence FROM date_trigger_fired WHERE contact_id = ?)""")
                .params(toContactId, fromContactId, toContactId).update();
        deleteDatesOf(fromContactId);
        deleteFiredOf(fromContactId);
    }

    int deleteDatesOf(String contactId) {
        return jdbc.sql("DELETE FROM contact_date WHERE contact_id = ?").param(contactId).update();
    }

    int deleteFiredOf(String contactId) {
        return jdbc.sql("DELETE FROM date_trigger_fired WHERE contact_id = ?").param(contactId).update();
    }

    private static LocalDate parse(String name, Object value) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("properties.dates." + name + " must be a date like 1990-05-17, was '"
                    + value + "'");
        }
    }
}
