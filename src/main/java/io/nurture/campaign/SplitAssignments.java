package io.nurture.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which branch of which A/B split each campaign instance took (reporting counts how each branch did). */
@Repository
class SplitAssignments {

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
}
