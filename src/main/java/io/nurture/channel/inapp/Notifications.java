package io.nurture.channel.inapp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The in-app inbox. One notification per delivery, committed on its own like the delivery log. */
@Repository
class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent per delivery: a retry after a crash finds the notification already there. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void add(String contactId, String deliveryId, String title, String body, String link) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM notification WHERE delivery_id = ?").param(deliveryId)
                .query(Long.class).single() > 0;
        if (!exists) {
            jdbc.sql("""
                    INSERT INTO notification (id, contact_id, delivery_id, title, body, link, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID().toString(), contactId, deliveryId, title, body, link,
                            Timestamp.from(Instant.now()))
                    .update();
        }
    }

    List<Notification> of(String contactId) {
        return jdbc.sql("""
                SELECT n.id, n.title, n.body, n.link, d.campaign, n.created_at, n.read_at
                FROM notification n LEFT JOIN delivery d ON d.id = n.delivery_id
                WHERE n.contact_id = ? ORDER BY n.created_at DESC""")
                .param(contactId)
                .query((rs, row) -> new Notification(rs.getString("id"), rs.getString("title"), rs.getString("body"),
                        rs.getString("link"), rs.getString("campaign"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    boolean markRead(String contactId, String notificationId) {
        return jdbc.sql("""
                UPDATE notification SET read_at = COALESCE(read_at, ?) WHERE id = ? AND contact_id = ?""")
                .params(Timestamp.from(Instant.now()), notificationId, contactId).update() == 1;
    }

    /** In the caller's transaction, unlike adding one. */
    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("UPDATE notification SET contact_id = ? WHERE contact_id = ?").params(toContactId, fromContactId)
                .update();
    }

    /** In the caller's transaction, unlike adding one. */
    int deleteOf(String contactId) {
        return jdbc.sql("DELETE FROM notification WHERE contact_id = ?").param(contactId).update();
    }
}
