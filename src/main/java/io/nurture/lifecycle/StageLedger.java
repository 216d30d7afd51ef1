package io.nurture.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.contact.LifecycleStage;

@Repository
class StageLedger {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    StageLedger(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    int countEntries(String contactId, LifecycleStage stage) {
        return jdbc.sql("SELECT COUNT(*) FROM stage_transition WHERE contact_id = ? AND to_stage = ?")
                .params(contactId, stage.name())
                .query(Integer.class)
                .single();
    }

    /**
     * Also writes the report facts of the move: the contact's latest move gets this one as its next move, and this
     * one the time of the contact's previous entry into the same stage.
     */
    void append(String contactId, StageTransition transition) {
        jdbc.sql("UPDATE stage_transition SET next_stage = ?, next_at = ? WHERE contact_id = ? AND next_stage IS NULL")
                .params(transition.to().name(), Timestamp.from(transition.at()), contactId)
                .update();
        jdbc.sql("""
                INSERT INTO stage_transition (contact_id, from_stage, to_stage, entry, reason, actor, at,
                                              previous_entry_at)
                VALUES (?, ?, ?, ?, ?, ?, ?,
                        (SELECT MAX(p.at) FROM stage_transition p WHERE p.contact_id = ? AND p.to_stage = ?))""")
                .params(contactId,
                        transition.from() == null ? null : transition.from().name(), transition.to().name(),
                        transition.entry(), transition.reason(), transition.actor(), Timestamp.from(transition.at()),
                        contactId, transition.to().name())
                .update();
    }

    /** The same first entry of many contacts that have no ledger row yet (new ones), in one batch. */
    void appendFirstEntries(List<String> contactIds, StageTransition first) {
        Timestamp at = Timestamp.from(first.at());
        batches.batchUpdate("""
                INSERT INTO stage_transition (contact_id, from_stage, to_stage, entry, reason, actor, at)
                VALUES (?, NULL, ?, 1, ?, ?, ?)""",
                contactIds.stream().map(id -> new Object[] { id, first.to().name(), first.reason(), first.actor(), at })
                        .toList(),
                new int[] { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP });
    }

    List<StageTransition> history(String contactId) {
        return jdbc.sql("SELECT * FROM stage_transition WHERE contact_id = ? ORDER BY id")
                .param(contactId)
                .query(StageLedger::map)
                .list();
    }

    /** The moved rows keep their report facts; {@link MoveFacts} works them out again for the combined ledger. */
    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("UPDATE stage_transition SET contact_id = ? WHERE contact_id = ?").params(toContactId, fromContactId)
                .update();
    }

    int deleteOf(String contactId) {
        return jdbc.sql("DELETE FROM stage_transition WHERE contact_id = ?").param(contactId).update();
    }

    private static StageTransition map(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_stage");
        return new StageTransition(from == null ? null : LifecycleStage.of(from),
                LifecycleStage.of(rs.getString("to_stage")), rs.getTimestamp("at").toInstant(),
                rs.getString("reason"), rs.getString("actor"), rs.getInt("entry"));
    }
}
