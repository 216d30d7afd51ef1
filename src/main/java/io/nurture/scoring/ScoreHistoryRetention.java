package io.nurture.scoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.contact.ContactRepository;
import io.nurture.retention.PrunableByContact;
import io.nurture.retention.RetentionProperties;

/**
 * Prunes score changes past {@code nurture.retention.score-history}. No report counts them (the scores themselves live
 * on {@code contact}); they explain a contact's points on its timeline and {@code /score-history}, which then start
 * at the retention. The batch's contacts are locked first, skipping those another transaction holds.
 */
@Component
@Order(3)
class ScoreHistoryRetention extends PrunableByContact {

    private static final String OLDEST_CONTACTS = """
            SELECT DISTINCT contact_id FROM (
                SELECT contact_id FROM score_history WHERE at < :cutoff ORDER BY at LIMIT :limit) oldest""";

    private static final String OLD_CHANGES_OF = """
            SELECT id FROM score_history WHERE contact_id IN (:contacts) AND at < :cutoff ORDER BY at LIMIT :limit""";

    private final JdbcClient jdbc;
    private final RetentionProperties properties;

    ScoreHistoryRetention(JdbcClient jdbc, ContactRepository contacts, TransactionTemplate transaction,
            RetentionProperties properties) {
        super(transaction, contacts::lockAvailable);
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "scoreChanges";
    }

    @Override
    public Duration retention() {
        return properties.scoreHistory();
    }

    @Override
    protected List<String> contactsOfOldestRows(Timestamp cutoff, int limit) {
        return jdbc.sql(OLDEST_CONTACTS).param("cutoff", cutoff).param("limit", limit).query(String.class).list();
    }

    @Override
    protected int prune(List<String> contacts, Timestamp cutoff, int limit) {
        List<Long> ids = jdbc.sql(OLD_CHANGES_OF).param("contacts", contacts).param("cutoff", cutoff)
                .param("limit", limit).query(Long.class).list();
        return ids.isEmpty() ? 0 : jdbc.sql("DELETE FROM score_history WHERE id IN (:ids)").param("ids", ids).update();
    }
}
