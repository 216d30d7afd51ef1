package io.nurture.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which branch of which A/B split each campaign instance took, and how each branch did. */
@Repository
class SplitAssignments {

    /** One branch of a split with its results: contacts, sends, opens, clicks and goal exits. */
    record BranchResult(String splitId, String variant, long contacts, long sent, long opened, long clicked,
            long reachedGoal) {
    }

    private final JdbcClient jdbc;

    SplitAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> variantOf(String processInstanceId, String splitId) {
        return jdbc.sql("SELECT variant FROM ab_assignment WHERE process_instance_id = ? AND split_id = ?")
                .params(processInstanceId, splitId).query(String.class).optional();
    }

    void record(String processInstanceId, String splitId, String contactId, String campaign, String variant) {
        jdbc.sql("""
                INSERT INTO ab_assignment (process_instance_id, split_id, contact_id, campaign, variant, assigned_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(processInstanceId, splitId, contactId, campaign, variant, Timestamp.from(Instant.now()))
                .update();
    }

    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("UPDATE ab_assignment SET contact_id = ? WHERE contact_id = ?").params(toContactId, fromContactId)
                .update();
    }

    int deleteOf(String contactId) {
        return jdbc.sql("DELETE FROM ab_assignment WHERE contact_id = ?").param(contactId).update();
    }

    /** Goal = the instance passed an end event whose id starts with EndEvent_Goal (Camunda's activity history). */
    List<BranchResult> results(String campaign) {
        return jdbc.sql("""
                SELECT a.split_id, a.variant, COUNT(DISTINCT a.contact_id) AS contacts,
                  COUNT(DISTINCT CASE WHEN d.status = 'SENT' THEN d.id END) AS sent,
                  COUNT(DISTINCT CASE WHEN e.type = 'email_opened' THEN e.delivery_id END) AS opened,
                  COUNT(DISTINCT CASE WHEN e.type = 'email_clicked' THEN e.delivery_id END) AS clicked,
                  COUNT(DISTINCT CASE WHEN h.ACT_ID_ LIKE 'EndEvent_Goal%' THEN a.process_instance_id END) AS goal
                FROM ab_assignment a
                LEFT JOIN delivery d ON d.campaign = a.campaign AND d.contact_id = a.contact_id
                                     AND d.variant = a.variant AND d.idempotency_key LIKE a.process_instance_id || ':%'
                LEFT JOIN contact_event e ON e.delivery_id = d.id
                LEFT JOIN ACT_HI_ACTINST h ON h.PROC_INST_ID_ = a.process_instance_id AND h.ACT_ID_ LIKE 'EndEvent_Goal%'
                WHERE a.campaign = ?
                GROUP BY a.split_id, a.variant
                ORDER BY a.split_id, a.variant""")
                .param(campaign)
                .query((rs, row) -> new BranchResult(rs.getString("split_id"), rs.getString("variant"),
                        rs.getLong("contacts"), rs.getLong("sent"), rs.getLong("opened"), rs.getLong("clicked"),
                        rs.getLong("goal")))
                .list();
    }
}
