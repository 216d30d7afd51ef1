package io.nurture.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.ScoreUpdate;

/**
 * Every change of a contact's scores: the contact module applies it atomically (concurrent events all count, the
 * behaviour score never goes below zero) and a {@code score_history} row records what actually changed.
 */
@Service
public class Scores {

    private final ContactRepository contacts;
    private final JdbcClient jdbc;

    Scores(ContactRepository contacts, JdbcClient jdbc) {
        this.contacts = contacts;
        this.jdbc = jdbc;
    }

    /** Adds (or, when negative, takes away) behaviour points; returns the change that was applied. */
    @Transactional
    public int addBehaviour(String contactId, int delta, ScoreComponent component, String reason) {
        if (delta == 0) {
            return 0;
        }
        ScoreUpdate update = contacts.addBehaviour(contactId, delta);
        record(contactId, component, update, reason);
        return update.applied();
    }

    /**
     * An event's behaviour points and engagement for {@code locked}, the contact as read under its lock in the
     * caller's transaction; returns the change that was applied.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int addEngagement(Contact locked, int points, String reason, Instant engagedAt) {
        ScoreUpdate update = contacts.addEngagement(locked, points, engagedAt);
        record(locked.id(), ScoreComponent.BEHAVIOUR, update, reason);
        return update.applied();
    }

    /** Sets the fit score that the profile earns now; a change is recorded, an unchanged fit is not. */
    @Transactional
    public void setFit(String contactId, int fit, String reason) {
        record(contactId, ScoreComponent.FIT, contacts.setFit(contactId, fit), reason);
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

    private void record(String contactId, ScoreComponent component, ScoreUpdate update, String reason) {
        if (update.applied() == 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO score_history (contact_id, component, delta, score_after, reason, at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(contactId, component.wireName(), update.applied(), update.scoreAfter(), truncate(reason),
                        Timestamp.from(Instant.now()))
                .update();
    }

    private static String truncate(String reason) {
        return reason.length() <= 200 ? reason : reason.substring(0, 200);
    }
}
