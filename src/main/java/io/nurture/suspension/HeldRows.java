package io.nurture.suspension;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.process.CampaignHolds.HeldMessage;
import io.nurture.process.CampaignHolds.HeldStart;

/** The suspended campaigns and what waits for their resume: the tables of this module. */
@Repository
class HeldRows {

    record Suspension(String processKey, Instant suspendedAt, String suspendedBy, String reason,
            Instant resumingSince) {
    }

    record HeldMessageRow(long id, HeldMessage message) {
    }

    record HeldStartRow(long id, HeldStart start) {
    }

    private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    HeldRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Suspension> find(String processKey) {
        return jdbc.sql("SELECT * FROM campaign_suspension WHERE process_key = ?").param(processKey)
                .query(HeldRows::suspension).optional();
    }

    /** The campaign's row locked until the transaction ends: holds and the resume's last steps take turns. */
    Optional<Suspension> lock(String processKey) {
        return jdbc.sql("SELECT * FROM campaign_suspension WHERE process_key = ? FOR UPDATE").param(processKey)
                .query(HeldRows::suspension).optional();
    }

    void insert(String processKey, Instant at, String by, String reason) {
        jdbc.sql("""
                INSERT INTO campaign_suspension (process_key, suspended_at, suspended_by, reason)
                VALUES (?, ?, ?, ?)""")
                .params(processKey, Timestamp.from(at), by, reason).update();
    }

    void markResuming(String processKey, Instant at, String by) {
        jdbc.sql("""
                UPDATE campaign_suspension SET resuming_since = COALESCE(resuming_since, ?), resumed_by = ?
                WHERE process_key = ?""").params(Timestamp.from(at), by, processKey).update();
    }

    void delete(String processKey) {
        jdbc.sql("DELETE FROM campaign_suspension WHERE process_key = ?").param(processKey).update();
    }

    void holdStart(HeldStart start, Instant at) {
        jdbc.sql("""
                INSERT INTO held_start (process_key, contact_id, before_activity, start_message, variables, held_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(start.processKey(), start.contactId(), start.beforeActivity(), start.startMessage(),
                        text(start.variables()), Timestamp.from(at))
                .update();
    }

    void holdMessage(HeldMessage held, Instant at) {
        jdbc.sql("""
                INSERT INTO held_message (process_key, process_instance_id, contact_id, message, variables, held_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(held.processKey(), held.processInstanceId(), held.contactId(), held.message(),
                        text(held.variables()), Timestamp.from(at))
                .update();
    }

    long heldStarts(String processKey) {
        return jdbc.sql("SELECT COUNT(*) FROM held_start WHERE process_key = ?").param(processKey)
                .query(Long.class).single();
    }

    long heldMessages(String processKey) {
        return jdbc.sql("SELECT COUNT(*) FROM held_message WHERE process_key = ?").param(processKey)
                .query(Long.class).single();
    }

    /** The instances with held messages, the one held longest first. */
    List<String> instancesWithHeldMessages(String processKey) {
        return jdbc.sql("""
                SELECT process_instance_id FROM held_message WHERE process_key = ?
                GROUP BY process_instance_id ORDER BY MIN(id)""").param(processKey).query(String.class).list();
    }

    List<HeldMessageRow> heldMessagesOf(String processInstanceId) {
        return jdbc.sql("SELECT * FROM held_message WHERE process_instance_id = ? ORDER BY id")
                .param(processInstanceId)
                .query((rs, row) -> new HeldMessageRow(rs.getLong("id"), new HeldMessage(rs.getString("process_key"),
                        rs.getString("process_instance_id"), rs.getString("contact_id"), rs.getString("message"),
                        variables(rs.getString("variables")))))
                .list();
    }

    /** False when another resume took it first (it waited for that one's commit). */
    boolean takeMessage(long id) {
        return jdbc.sql("DELETE FROM held_message WHERE id = ?").param(id).update() == 1;
    }

    List<String> contactsWithHeldStarts(String processKey) {
        return jdbc.sql("""
                SELECT contact_id FROM held_start WHERE process_key = ? GROUP BY contact_id ORDER BY MIN(id)""")
                .param(processKey).query(String.class).list();
    }

    List<HeldStartRow> heldStartsOf(String processKey, String contactId) {
        return jdbc.sql("SELECT * FROM held_start WHERE process_key = ? AND contact_id = ? ORDER BY id")
                .params(processKey, contactId)
                .query((rs, row) -> new HeldStartRow(rs.getLong("id"), new HeldStart(rs.getString("process_key"),
                        rs.getString("contact_id"), variables(rs.getString("variables")),
                        rs.getString("before_activity"), rs.getString("start_message"))))
                .list();
    }

    /** False when another resume took it first. */
    boolean takeStart(long id) {
        return jdbc.sql("DELETE FROM held_start WHERE id = ?").param(id).update() == 1;
    }

    long deleteOf(String contactId) {
        return jdbc.sql("DELETE FROM held_start WHERE contact_id = ?").param(contactId).update()
                + jdbc.sql("DELETE FROM held_message WHERE contact_id = ?").param(contactId).update();
    }

    /**
     * The survivor takes the merged contact's held rows: its starts run for the survivor (once, unless it is in the
     * campaign already); the messages stay with their instances, which the merge ends, so they reach nobody.
     */
    void reassign(String mergedId, String survivorId) {
        jdbc.sql("UPDATE held_start SET contact_id = ? WHERE contact_id = ?").params(survivorId, mergedId).update();
        jdbc.sql("UPDATE held_message SET contact_id = ? WHERE contact_id = ?").params(survivorId, mergedId).update();
    }

    private String text(Map<String, Object> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A held start's variables are not JSON: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> variables(String text) {
        try {
            return json.readValue(text, VARIABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Held variables are not JSON: " + e.getMessage(), e);
        }
    }

    private static Suspension suspension(ResultSet rs, int row) throws SQLException {
        Timestamp resuming = rs.getTimestamp("resuming_since");
        return new Suspension(rs.getString("process_key"), rs.getTimestamp("suspended_at").toInstant(),
                rs.getString("suspended_by"), rs.getString("reason"), resuming == null ? null : resuming.toInstant());
    }
}
