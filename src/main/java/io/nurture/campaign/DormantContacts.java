package io.nurture.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.StageRole;

/**
 * Leads (the known stage) we have mailed who have not opened or clicked anything since {@code since}, and are neither unsubscribed,
 * disqualified nor suppressed.
 */
@Repository
class DormantContacts {

    private final JdbcClient jdbc;
    private final Funnel funnel;

    DormantContacts(JdbcClient jdbc, Funnel funnel) {
        this.jdbc = jdbc;
        this.funnel = funnel;
    }

    List<String> since(Instant since) {
        return jdbc.sql("""
                SELECT c.id FROM contact c
                WHERE c.lifecycle_stage = :known AND c.email IS NOT NULL
                  AND c.unsubscribed = FALSE AND c.disqualified = FALSE AND c.created_at < :since
                  AND NOT EXISTS (SELECT 1 FROM contact_suppression s WHERE s.contact_id = c.id)
                  AND EXISTS (SELECT 1 FROM delivery d
                              WHERE d.contact_id = c.id AND d.channel = 'email' AND d.status = 'SENT')
                  AND NOT EXISTS (SELECT 1 FROM contact_event e
                                  WHERE e.contact_id = c.id AND e.type IN ('email_opened', 'email_clicked')
                                    AND e.occurred_at >= :since)
                ORDER BY c.created_at""")
                .param("since", Timestamp.from(since))
                .param("known", funnel.require(StageRole.KNOWN).name())
                .query(String.class).list();
    }
}
