package io.nurture.channel;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery rows behind exactly-once sends. Each write commits on its own (REQUIRES_NEW), so what was sent stays
 * recorded even when the surrounding job rolls back and is retried. A send is claimed before it goes out; a second
 * attempt while the claim is fresh waits instead of sending too.
 */
@Repository
public class DeliveryLog {

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The outcome of asking to send: go ahead, already done, or someone else is sending it right now. */
    public sealed interface Claim {
    }

    public record Claimed(String deliveryId, String messageId) implements Claim {
    }

    public record AlreadyDone() implements Claim {
    }

    public record InFlight(Instant retryAt) implements Claim {
    }

    /** A delivery as the tracking pages and reports see it. */
    public record Delivery(String id, String contactId, String channel, String campaign, String step,
            String variant, DeliveryStatus status) {
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Claim claim(SendRequest request, String recipient, Duration claimTimeout) {
        Instant now = Instant.now();
        Optional<Row> existing = row(request.idempotencyKey());
        if (existing.isEmpty()) {
            String id = UUID.randomUUID().toString();
            insert(id, request, recipient, DeliveryStatus.SENDING, 1, null);
            jdbc.sql("UPDATE delivery SET claimed_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
            return new Claimed(id, messageIdFor(request.idempotencyKey()));
        }
        Row row = existing.get();
        if (row.status().isFinal()) {
            return new AlreadyDone();
        }
        if (row.status() == DeliveryStatus.SENDING && row.claimedAt() != null
                && row.claimedAt().plus(claimTimeout).isAfter(now)) {
            return new InFlight(row.claimedAt().plus(claimTimeout));
        }
        // attempts acts as a version: of two attempts reading the same row, one wins the claim
        int updated = jdbc.sql("""
                UPDATE delivery SET status = ?, attempts = attempts + 1, claimed_at = ?, recipient = ?,
                                    not_before = NULL
                WHERE idempotency_key = ? AND attempts = ?""")
                .params(DeliveryStatus.SENDING.name(), Timestamp.from(now), recipient, request.idempotencyKey(),
                        row.attempts())
                .update();
        return updated == 1 ? new Claimed(row.id(), messageIdFor(request.idempotencyKey()))
                : new InFlight(now.plusSeconds(5));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sent(String idempotencyKey, String messageId) {
        jdbc.sql("""
                UPDATE delivery SET status = ?, message_id = ?, sent_at = ?, error = NULL, claimed_at = NULL
                WHERE idempotency_key = ?""")
                .params(DeliveryStatus.SENT.name(), messageId, Timestamp.from(Instant.now()), idempotencyKey)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String idempotencyKey, String error) {
        finish(idempotencyKey, DeliveryStatus.FAILED, error);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void rejected(String idempotencyKey, String error) {
        finish(idempotencyKey, DeliveryStatus.REJECTED, error);
    }

    /** A send that policy forbids is recorded too, so reports and retries see it was decided. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void skipped(SendRequest request, String why) {
        Optional<Row> existing = row(request.idempotencyKey());
        if (existing.isEmpty()) {
            insert(UUID.randomUUID().toString(), request, null, DeliveryStatus.SKIPPED, 0, why);
        } else if (!existing.get().status().isFinal()) {
            finish(request.idempotencyKey(), DeliveryStatus.SKIPPED, why);
        }
    }

    /** Quiet hours or the frequency cap hold the send back until {@code notBefore}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void delayed(SendRequest request, Instant notBefore, String why) {
        Optional<Row> existing = row(request.idempotencyKey());
        if (existing.isEmpty()) {
            insert(UUID.randomUUID().toString(), request, null, DeliveryStatus.DELAYED, 0, why);
        } else if (existing.get().status().isFinal()) {
            return;
        }
        jdbc.sql("UPDATE delivery SET status = ?, not_before = ?, error = ?, claimed_at = NULL WHERE idempotency_key = ?")
                .params(DeliveryStatus.DELAYED.name(), Timestamp.from(notBefore), why, request.idempotencyKey())
                .update();
    }

    public Optional<DeliveryStatus> status(String idempotencyKey) {
        return row(idempotencyKey).map(Row::status);
    }

    public Optional<Delivery> find(String deliveryId) {
        return jdbc.sql("SELECT id, contact_id, channel, campaign, step, variant, status FROM delivery WHERE id = ?")
                .param(deliveryId)
                .query((rs, n) -> new Delivery(rs.getString("id"), rs.getString("contact_id"), rs.getString("channel"),
                        rs.getString("campaign"), rs.getString("step"), rs.getString("variant"),
                        DeliveryStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    /**
     * The process instance a campaign e-mail belongs to, if it is still that instance's latest e-mail: only then may a
     * click on it move the instance's waiting gateway.
     */
    public Optional<String> instanceWhoseLatestEmailIs(String deliveryId) {
        Optional<String> key = jdbc.sql("SELECT idempotency_key FROM delivery WHERE id = ? AND channel = 'email'")
                .param(deliveryId).query(String.class).optional();
        if (key.isEmpty() || key.get().indexOf(':') < 0) {
            return Optional.empty();
        }
        String instanceId = key.get().substring(0, key.get().indexOf(':'));
        String latest = jdbc.sql("""
                SELECT id FROM delivery WHERE idempotency_key LIKE ? AND channel = 'email'
                ORDER BY created_at DESC, id LIMIT 1""")
                .param(instanceId + ":%").query(String.class).single();
        return latest.equals(deliveryId) ? Optional.of(instanceId) : Optional.empty();
    }

    /** When the contact's marketing sends on a channel since {@code since} went out, oldest first. */
    public List<Instant> marketingSendsSince(String contactId, String channel, Instant since) {
        return jdbc.sql("""
                SELECT sent_at FROM delivery
                WHERE contact_id = ? AND channel = ? AND status = 'SENT' AND transactional = FALSE AND sent_at > ?
                ORDER BY sent_at""")
                .params(contactId, channel, Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** The deferred-send backlog: sends policy holds back (quiet hours, frequency cap), per channel. */
    public Map<String, Long> delayedByChannel() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT channel, COUNT(*) FROM delivery WHERE status = ? GROUP BY channel")
                .param(DeliveryStatus.DELAYED.name())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** In the caller's transaction, unlike the writes of a send. */
    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("UPDATE delivery SET contact_id = ? WHERE contact_id = ?").params(toContactId, fromContactId)
                .update();
    }

    /** In the caller's transaction, unlike the writes of a send. */
    int deleteOf(String contactId) {
        return jdbc.sql("DELETE FROM delivery WHERE contact_id = ?").param(contactId).update();
    }

    private void insert(String id, SendRequest request, String recipient, DeliveryStatus status, int attempts,
            String error) {
        jdbc.sql("""
                INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, recipient, status, attempts,
                                      error, created_at, campaign, step, variant, transactional)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, request.idempotencyKey(), request.contactId(), request.channel(), request.template(),
                        recipient, status.name(), attempts, truncate(error), Timestamp.from(Instant.now()),
                        request.campaign(), request.step(), request.variant(), request.transactional())
                .update();
    }

    private void finish(String idempotencyKey, DeliveryStatus status, String error) {
        jdbc.sql("UPDATE delivery SET status = ?, error = ?, claimed_at = NULL WHERE idempotency_key = ?")
                .params(status.name(), truncate(error), idempotencyKey).update();
    }

    private Optional<Row> row(String idempotencyKey) {
        return jdbc.sql("SELECT id, status, attempts, claimed_at FROM delivery WHERE idempotency_key = ?")
                .param(idempotencyKey)
                .query((rs, n) -> new Row(rs.getString("id"), DeliveryStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getTimestamp("claimed_at") == null ? null : rs.getTimestamp("claimed_at").toInstant()))
                .optional();
    }

    private record Row(String id, DeliveryStatus status, int attempts, Instant claimedAt) {
    }

    /** Stable per send, so a receiver can drop a copy if a crash between provider and this log ever resends it. */
    static String messageIdFor(String idempotencyKey) {
        return "<" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)) + "@nurture>";
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
