package io.nurture.audience;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.audience.Segment.Rebuild;
import io.nurture.audience.Segment.RebuildState;

/** The {@code segment} rows: name, rule, version and rebuild progress. */
@Repository
class SegmentStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final SegmentLocks locks;

    SegmentStore(JdbcClient jdbc, ObjectMapper json, SegmentLocks locks) {
        this.jdbc = jdbc;
        this.json = json;
        this.locks = locks;
    }

    String create(String name, String ruleJson, boolean timeBound) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO segment (id, name, rule, version, time_bound, created_at, updated_at, rebuild_state)
                VALUES (?, ?, ?, 1, ?, ?, ?, ?)""")
                .params(id, name, ruleJson, timeBound, now, now, RebuildState.QUEUED.name()).update();
        return id;
    }

    /** A new name, or a new rule (the version counts up and a rebuild is queued), or both. */
    void update(String id, String name, String ruleJson, boolean timeBound) {
        Timestamp now = Timestamp.from(Instant.now());
        if (name != null) {
            jdbc.sql("UPDATE segment SET name = ?, updated_at = ? WHERE id = ?").params(name, now, id).update();
        }
        if (ruleJson != null) {
            jdbc.sql("""
                    UPDATE segment SET rule = ?, time_bound = ?, version = version + 1, updated_at = ?,
                    rebuild_state = ?, rebuild_done = 0, rebuild_total = 0 WHERE id = ?""")
                    .params(ruleJson, timeBound, now, RebuildState.QUEUED.name(), id).update();
        }
    }

    /**
     * Deletes the segment with its members, their stays and its daily sizes (answers whether it was there). Its row
     * is locked first: contacts entering it meanwhile commit before (and their rows go too) or find it gone after
     * ({@link SegmentLocks}).
     */
    boolean delete(String id) {
        if (jdbc.sql("SELECT id FROM segment WHERE id = ? FOR UPDATE").param(id).query(String.class).optional()
                .isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM segment_member WHERE segment_id = ?").param(id).update();
        jdbc.sql("DELETE FROM segment_membership_history WHERE segment_id = ?").param(id).update();
        jdbc.sql("DELETE FROM segment_size_daily WHERE segment_id = ?").param(id).update();
        jdbc.sql("DELETE FROM segment WHERE id = ?").param(id).update();
        return true;
    }

    Optional<Segment> find(String id) {
        return jdbc.sql("SELECT * FROM segment WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Locks the row, so edits of one segment and its rebuild's progress do not cross. */
    Optional<Segment> lock(String id) {
        return jdbc.sql("SELECT * FROM segment WHERE id = ? " + locks.forEdit()).param(id).query(this::map)
                .optional();
    }

    boolean nameTaken(String name, String exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM segment WHERE name = ? AND id <> ?").params(name, exceptId)
                .query(Long.class).single() > 0;
    }

    List<Segment> all() {
        return jdbc.sql("SELECT * FROM segment ORDER BY name").query(this::map).list();
    }

    /** Which segments exist in which version: one small indexed read that tells whether cached rules are current. */
    List<LiveSegments.Key> versions() {
        return jdbc.sql("SELECT id, version FROM segment ORDER BY id")
                .query((rs, row) -> new LiveSegments.Key(rs.getString(1), rs.getInt(2))).list();
    }

    List<String> timeBound() {
        return jdbc.sql("SELECT id FROM segment WHERE time_bound = TRUE ORDER BY id").query(String.class).list();
    }

    List<String> unfinishedRebuilds() {
        return jdbc.sql("SELECT id FROM segment WHERE rebuild_state IN (?, ?) ORDER BY id")
                .params(RebuildState.QUEUED.name(), RebuildState.RUNNING.name()).query(String.class).list();
    }

    void progress(String id, int version, RebuildState state, long done, long total) {
        jdbc.sql("""
                UPDATE segment SET rebuild_state = ?, rebuild_done = ?, rebuild_total = ?
                WHERE id = ? AND version = ?""").params(state.name(), done, total, id, version).update();
    }

    void rebuilt(String id, int version, long total) {
        jdbc.sql("""
                UPDATE segment SET rebuild_state = ?, rebuild_done = ?, rebuild_total = ?, rebuilt_version = ?,
                rebuilt_at = ? WHERE id = ? AND version = ?""")
                .params(RebuildState.DONE.name(), total, total, version, Timestamp.from(Instant.now()), id, version)
                .update();
    }

    private Segment map(ResultSet rs, int row) throws SQLException {
        String ruleJson = rs.getString("rule");
        SegmentRule rule;
        try {
            rule = RuleParser.parse(json.readTree(ruleJson), "/rule");
        } catch (IOException e) {
            throw new IllegalStateException("segment " + rs.getString("id") + " holds a rule that is not JSON", e);
        }
        Timestamp rebuiltAt = rs.getTimestamp("rebuilt_at");
        return new Segment(rs.getString("id"), rs.getString("name"), ruleJson, rule, rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                new Rebuild(RebuildState.valueOf(rs.getString("rebuild_state")), rs.getLong("rebuild_done"),
                        rs.getLong("rebuild_total"), rs.getInt("rebuilt_version"),
                        rebuiltAt == null ? null : rebuiltAt.toInstant()));
    }
}
