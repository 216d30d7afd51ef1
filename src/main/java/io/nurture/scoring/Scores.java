package io.nurture.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of a contact's scores: every change is an atomic update (concurrent events all count, the behaviour
 * score never goes below zero) and a {@code score_history} row with what actually changed.
 */
@Service
public class Scores {

    private final JdbcClient jdbc;

    Scores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds (or, when negative, takes away) behaviour points; returns the change that was applied. */
    @Transactional
    public int addBehaviour(String contactId, int delta, ScoreComponent component, String reason) {
        if (delta == 0) {
            return 0;
        }
        int before = behaviourOf(contactId);
        jdbc.sql("UPDATE contact SET behaviour_score = GREATEST(0, behaviour_score + ?), updated_at = ? WHERE id = ?")
                .params(delta, Timestamp.from(Instant.now()), contactId).update();
        int applied = behaviourOf(contactId) - before;
        record(contactId, component, applied, reason);
        return applied;
    }

    /** Sets the fit score that the profile earns now; a change is recorded, an unchanged fit is not. */
    @Transactional
    public void setFit(String contactId, int fit, String reason) {
        int before = jdbc.sql("SELECT fit_score FROM contact WHERE id = ?").param(contactId).query(Integer.class)
                .single();
        if (before == fit) {
            return;
        }
        jdbc.sql("UPDATE contact SET fit_score = ?, updated_at = ? WHERE id = ?")
                .params(fit, Timestamp.from(Instant.now()), contactId).update();
        record(contactId, ScoreComponent.FIT, fit - before, reason);
    }

    @Transactional(readOnly = true)
    public List<ScoreChange> history(String contactId) {
        return jdbc.sql("""
                SELECT component, delta, score_after, reason, at FROM score_history WHERE contact_id = ? ORDER BY id""")
                .param(contactId)
                .query((rs, row) -> new ScoreChange(rs.getString("component"), rs.getInt("delta"),
                        rs.getInt("score_after"), rs.getString("reason"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    void reassignHistory(String fromContactId, String toContactId) {
        jdbc.sql("UPDATE score_history SET contact_id = ? WHERE contact_id = ?").params(toContactId, fromContactId)
                .update();
    }

    int deleteHistoryOf(String contactId) {
        return jdbc.sql("DELETE FROM score_history WHERE contact_id = ?").param(contactId).update();
    }

    private int behaviourOf(String contactId) {
        return jdbc.sql("SELECT behaviour_score FROM contact WHERE id = ?").param(contactId).query(Integer.class)
                .single();
    }

    private void record(String contactId, ScoreComponent component, int delta, String reason) {
        if (delta == 0) {
            return;
        }
        int total = jdbc.sql("SELECT behaviour_score + fit_score FROM contact WHERE id = ?").param(contactId)
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO score_history (contact_id, component, delta, score_after, reason, at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(contactId, component.wireName(), delta, total, truncate(reason), Timestamp.from(Instant.now()))
                .update();
    }

    private static String truncate(String reason) {
        return reason.length() <= 200 ? reason : reason.substring(0, 200);
    }
}
