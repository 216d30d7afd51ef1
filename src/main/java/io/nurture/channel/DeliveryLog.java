package io.nurture.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery rows behind exactly-once sends. Each write commits on its own (REQUIRES_NEW), so what was sent stays
 * recorded even when the surrounding job rolls back and is retried.
 */
@Repository
public class DeliveryLog {

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for a send attempt; empty when an earlier attempt already finished it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<String> begin(String idempotencyKey, String contactId, String channel, String template,
            String recipient) {
        Optional<DeliveryStatus> existing = status(idempotencyKey);
        if (existing.isPresent() && existing.get().isFinal()) {
            return Optional.empty();
        }
        if (existing.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, recipient, status,
                                          attempts, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                    .params(UUID.randomUUID().toString(), idempotencyKey, contactId, channel, template, recipient,
                            DeliveryStatus.SENDING.name(), Timestamp.from(Instant.now()))
                    .update();
        }
        jdbc.sql("UPDATE delivery SET status = ?, attempts = attempts + 1 WHERE idempotency_key = ?")
                .params(DeliveryStatus.SENDING.name(), idempotencyKey).update();
        return Optional.of(messageIdFor(idempotencyKey));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sent(String idempotencyKey, String messageId) {
        jdbc.sql("UPDATE delivery SET status = ?, message_id = ?, sent_at = ?, error = NULL WHERE idempotency_key = ?")
                .params(DeliveryStatus.SENT.name(), messageId, Timestamp.from(Instant.now()), idempotencyKey)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String idempotencyKey, String error) {
        jdbc.sql("UPDATE delivery SET status = ?, error = ? WHERE idempotency_key = ?")
                .params(DeliveryStatus.FAILED.name(), truncate(error), idempotencyKey).update();
    }

    /** A send that policy forbids is recorded too, so reports and retries see it was decided. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void skipped(String idempotencyKey, String contactId, String channel, String template, String why) {
        if (status(idempotencyKey).isPresent()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, status, attempts, error,
                                      created_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(UUID.randomUUID().toString(), idempotencyKey, contactId, channel, template,
                        DeliveryStatus.SKIPPED.name(), why, Timestamp.from(Instant.now()))
                .update();
    }

    public Optional<DeliveryStatus> status(String idempotencyKey) {
        return jdbc.sql("SELECT status FROM delivery WHERE idempotency_key = ?").param(idempotencyKey)
                .query(String.class).optional().map(DeliveryStatus::valueOf);
    }

    /** Stable per send, so a receiver can drop a copy if a crash between SMTP and this log ever resends it. */
    private static String messageIdFor(String idempotencyKey) {
        return "<" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes()) + "@nurture>";
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
