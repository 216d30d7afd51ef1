package io.nurture.handoff;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The closed deals of contacts, one row per close. */
@Repository
class Deals {

    private final JdbcClient jdbc;

    Deals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String contactId, boolean won, BigDecimal amount, String actor) {
        jdbc.sql("INSERT INTO deal (id, contact_id, status, amount, closed_at, closed_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), contactId, won ? "won" : "lost", amount,
                        Timestamp.from(Instant.now()), actor)
                .update();
    }

    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("UPDATE deal SET contact_id = ? WHERE contact_id = ?").params(toContactId, fromContactId).update();
    }

    int deleteOf(String contactId) {
        return jdbc.sql("DELETE FROM deal WHERE contact_id = ?").param(contactId).update();
    }
}
