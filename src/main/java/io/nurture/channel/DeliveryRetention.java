package io.nurture.channel;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.contact.ContactRepository;
import io.nurture.retention.PrunableByContact;
import io.nurture.retention.RetentionProperties;

/**
 * Prunes deliveries created before {@code nurture.retention.deliveries}, first of all tables (their tracking events
 * stay as long as they do). {@link DeliveriesPruning} lets reporting keep its figures of them in the same transaction.
 * The batch's contacts are locked first, skipping those another transaction holds.
 */
@Component
@Order(1)
class DeliveryRetention extends PrunableByContact {

    private static final String OLDEST_CONTACTS = """
            SELECT DISTINCT contact_id FROM (
                SELECT contact_id FROM delivery WHERE created_at < :cutoff ORDER BY created_at LIMIT :limit) oldest""";

    private static final String OLD_DELIVERIES_OF = """
            SELECT id FROM delivery WHERE contact_id IN (:contacts) AND created_at < :cutoff
            ORDER BY created_at LIMIT :limit""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final RetentionProperties properties;

    DeliveryRetention(JdbcClient jdbc, ContactRepository contacts, TransactionTemplate transaction,
            ApplicationEventPublisher events, RetentionProperties properties) {
        super(transaction, contacts::lockAvailable);
        this.jdbc = jdbc;
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
    protected List<String> contactsOfOldestRows(Timestamp cutoff, int limit) {
        return jdbc.sql(OLDEST_CONTACTS).param("cutoff", cutoff).param("limit", limit).query(String.class).list();
    }

    @Override
    protected int prune(List<String> contacts, Timestamp cutoff, int limit) {
        List<String> ids = jdbc.sql(OLD_DELIVERIES_OF).param("contacts", contacts).param("cutoff", cutoff)
                .param("limit", limit).query(String.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        events.publishEvent(new DeliveriesPruning(ids));
        return jdbc.sql("DELETE FROM delivery WHERE id IN (:ids)").param("ids", ids).update();
    }
}
