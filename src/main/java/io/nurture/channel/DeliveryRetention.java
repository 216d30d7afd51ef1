package io.nurture.channel;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.contact.ContactRepository;
import io.nurture.retention.PrunableRows;
import io.nurture.retention.RetentionProperties;

/**
 * Prunes deliveries created before {@code nurture.retention.deliveries}, first of all tables (their tracking events
 * stay as long as they do). {@link DeliveriesPruning} lets reporting keep its figures of them in the same transaction.
 * The batch's contacts are locked first, skipping those another transaction holds.
 */
@Component
@Order(1)
class DeliveryRetention implements PrunableRows {

    private static final String OLDEST_CONTACTS = """
            SELECT DISTINCT contact_id FROM (
                SELECT contact_id FROM delivery WHERE created_at < :cutoff ORDER BY created_at LIMIT :limit) oldest""";

    private static final String OLD_DELIVERIES_OF = """
            SELECT id FROM delivery WHERE contact_id IN (:contacts) AND created_at < :cutoff
            ORDER BY created_at LIMIT :limit""";

    private final JdbcClient jdbc;
    private final ContactRepository contacts;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final RetentionProperties properties;

    DeliveryRetention(JdbcClient jdbc, ContactRepository contacts, TransactionTemplate transaction,
            ApplicationEventPublisher events, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.transaction = transaction;
        this.events = events;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "deliveries";
    }

    @Override
    public Duration retention() {
        return properties.deliveries();
    }

    @Override
    public int pruneBatch(Instant cutoff, int limit) {
        return transaction.execute(status -> {
            Timestamp before = Timestamp.from(cutoff);
            List<String> locked = contacts.lockAvailable(jdbc.sql(OLDEST_CONTACTS).param("cutoff", before)
                    .param("limit", limit).query(String.class).list());
            if (locked.isEmpty()) {
                return 0;
            }
            List<String> ids = jdbc.sql(OLD_DELIVERIES_OF).param("contacts", locked).param("cutoff", before)
                    .param("limit", limit).query(String.class).list();
            if (ids.isEmpty()) {
                return 0;
            }
            events.publishEvent(new DeliveriesPruning(ids));
            return jdbc.sql("DELETE FROM delivery WHERE id IN (:ids)").param("ids", ids).update();
        });
    }
}
