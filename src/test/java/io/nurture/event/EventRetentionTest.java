package io.nurture.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.TablesTest;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.ContactProfile;
import io.nurture.contact.LifecycleStage;
import io.nurture.retention.RetentionProperties;

/**
 * Pruning events on the migrated schema, committed for real: old events become daily counts in the transaction that
 * deletes them, recent ones and those naming a kept send stay, and a contact another transaction holds is left for the
 * next batch instead of being waited for.
 */
@TablesTest
@Import(EventRetention.class)
@EnableConfigurationProperties(RetentionProperties.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class EventRetentionTest {

    private static final String KEPT_SEND = "b5d0c3a2-retention-kept-send";
    private static final Instant CUTOFF = Instant.parse("2025-01-01T00:00:00Z");

    @Autowired
    EventRetention retention;

    @Autowired
    EventStore events;

    @Autowired
    ContactRepository contacts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    String busy;
    String free;

    @AfterEach
    void forgetTheContacts() {
        for (String contact : new String[] { busy, free }) {
            if (contact != null) {
                events.deleteOf(contact);
                jdbc.sql("DELETE FROM delivery WHERE contact_id = ?").param(contact).update();
                jdbc.sql("DELETE FROM contact WHERE id = ?").param(contact).update();
            }
        }
    }

    @Test
    void oldEventsBecomeDailyCountsAndAHeldContactWaitsForTheNextBatch() {
        busy = contacts.create(null, LifecycleStage.of("VISITOR"), ContactProfile.EMPTY).id();
        free = contacts.create(null, LifecycleStage.of("VISITOR"), ContactProfile.EMPTY).id();
        events.append(null, busy, EventType.PAGE_VIEW, Instant.parse("2024-06-01T08:00:00Z"), 1, null);
        events.append(null, free, EventType.PAGE_VIEW, Instant.parse("2024-06-01T08:00:00Z"), 1, null);
        events.append(null, free, EventType.PAGE_VIEW, Instant.parse("2024-06-01T23:59:59Z"), 1, null);
        events.append(null, free, EventType.PAGE_VIEW, Instant.parse("2024-06-02T00:00:00Z"), 1, null);
        jdbc.sql("""
                INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, status, created_at)
                VALUES (?, ?, ?, 'email', 'welcome-1', 'SENT', ?)""")
                .params(KEPT_SEND, "retention-test:" + free, free, java.sql.Timestamp.from(Instant.now())).update();
        events.append(null, free, EventType.EMAIL_OPENED, Instant.parse("2024-06-02T09:00:00Z"), 0,
                Map.of("deliveryId", KEPT_SEND));
        events.append(null, free, EventType.EMAIL_OPENED, Instant.parse("2024-06-02T09:00:00Z"), 0,
                Map.of("deliveryId", "a-send-already-pruned"));
        events.append(null, free, EventType.PAGE_VIEW, Instant.parse("2025-06-01T08:00:00Z"), 1, null);

        TransactionTemplate another = new TransactionTemplate(transactions);
        another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        int whileHeld = another.execute(holding -> {
            contacts.lockById(busy);
            return another.execute(pruning -> retention.pruneBatch(CUTOFF, 100));
        });

        assertThat(whileHeld).isEqualTo(4);
        assertThat(rawTypes(free)).containsExactlyInAnyOrder("email_opened", "page_view");
        assertThat(rawTypes(busy)).containsExactly("page_view");
        assertThat(dailyCounts(free)).containsExactly("2024-06-01 page_view 2", "2024-06-02 email_opened 1",
                "2024-06-02 page_view 1");
        assertThat(events.count(free, EventType.PAGE_VIEW)).as("every visit still counts for repeat visits")
                .isEqualTo(4);

        assertThat(retention.pruneBatch(CUTOFF, 100)).isOne();
        assertThat(rawTypes(busy)).isEmpty();
        assertThat(dailyCounts(busy)).containsExactly("2024-06-01 page_view 1");
        assertThat(retention.pruneBatch(CUTOFF, 100)).isZero();
    }

    @Test
    void aBatchTakesAtMostItsLimit() {
        free = contacts.create(null, LifecycleStage.of("VISITOR"), ContactProfile.EMPTY).id();
        for (int day = 1; day <= 5; day++) {
            events.append(null, free, EventType.PAGE_VIEW, Instant.parse("2024-06-0" + day + "T08:00:00Z"), 1, null);
        }

        assertThat(retention.pruneBatch(CUTOFF, 2)).isEqualTo(2);
        assertThat(dailyCounts(free)).containsExactly("2024-06-01 page_view 1", "2024-06-02 page_view 1");
        assertThat(retention.pruneBatch(CUTOFF, 2)).isEqualTo(2);
        assertThat(retention.pruneBatch(CUTOFF, 2)).isOne();
        assertThat(rawTypes(free)).isEmpty();
    }

    private List<String> rawTypes(String contact) {
        return jdbc.sql("SELECT type FROM contact_event WHERE contact_id = ?").param(contact).query(String.class)
                .list();
    }

    private List<String> dailyCounts(String contact) {
        return jdbc.sql("""
                SELECT event_day, type, event_count FROM contact_event_daily WHERE contact_id = ?
                ORDER BY event_day, type""").param(contact)
                .query((rs, row) -> rs.getObject(1, LocalDate.class) + " " + rs.getString(2) + " " + rs.getLong(3))
                .list();
    }
}
