package io.nurture.channel;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.web.InvalidInputException;

/** The contact's own time zone (event property {@code timeZone}, e.g. Europe/Berlin), for SMS quiet hours. */
@Repository
public class ContactTimeZones {

    private final JdbcClient jdbc;

    ContactTimeZones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void set(String contactId, String timeZone) {
        ZoneId zone = parse(timeZone);
        if (jdbc.sql("UPDATE contact_time_zone SET time_zone = ? WHERE contact_id = ?").params(zone.getId(), contactId)
                .update() == 0) {
            jdbc.sql("INSERT INTO contact_time_zone (contact_id, time_zone) VALUES (?, ?)")
                    .params(contactId, zone.getId()).update();
        }
    }

    Optional<ZoneId> of(String contactId) {
        return jdbc.sql("SELECT time_zone FROM contact_time_zone WHERE contact_id = ?").param(contactId)
                .query(String.class).optional().map(ZoneId::of);
    }

    /** The survivor's own time zone wins; the other's goes. */
    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("""
                UPDATE contact_time_zone SET contact_id = ? WHERE contact_id = ?
                AND NOT EXISTS (SELECT 1 FROM contact_time_zone WHERE contact_id = ?)""")
                .params(toContactId, fromContactId, toContactId).update();
        deleteOf(fromContactId);
    }

    int deleteOf(String contactId) {
        return jdbc.sql("DELETE FROM contact_time_zone WHERE contact_id = ?").param(contactId).update();
    }

    private static ZoneId parse(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("properties.timeZone must be an IANA time zone like Europe/Berlin, was '"
                    + timeZone + "'");
        }
    }
}
