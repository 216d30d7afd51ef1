package io.nurture.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.contact.ContactRepository;

/**
 * Fades the behaviour score of contacts who stopped engaging: a fraction off per inactivity period, rounded so that
 * a positive score always loses at least one point and never drops below zero. The engine's clock is used, so process
 * tests can move time. Which contacts are due is this rule's query; the scores change through the contact module.
 */
@Service
public class ScoreDecay {

    private final JdbcClient jdbc;
    private final Scores scores;
    private final ContactRepository contacts;
    private final ScoreDecayProperties properties;

    ScoreDecay(JdbcClient jdbc, Scores scores, ContactRepository contacts, ScoreDecayProperties properties) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.contacts = contacts;
        this.properties = properties;
    }

    /** Returns how many contacts lost points. */
    @Transactional
    public int decayInactiveContacts() {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Timestamp cutoff = Timestamp.from(now.minus(properties.inactivity()));
        List<String> due = jdbc.sql("""
                SELECT id FROM contact WHERE behaviour_score > 0
                AND COALESCE(last_engaged_at, created_at) <= ?
                AND (last_decayed_at IS NULL OR last_decayed_at <= ?)
                ORDER BY id""").params(cutoff, cutoff).query(String.class).list();
        int decayed = 0;
        for (String contactId : due) {
            // re-read under the lock: an event may have arrived since the query
            Integer behaviour = jdbc.sql("""
                    SELECT behaviour_score FROM contact WHERE id = ? AND COALESCE(last_engaged_at, created_at) <= ?
                    FOR UPDATE""").params(contactId, cutoff).query(Integer.class).optional().orElse(0);
            if (behaviour <= 0) {
                continue;
            }
            int loss = Math.max(1, (int) Math.round(behaviour * properties.fraction()));
            scores.addBehaviour(contactId, -loss, ScoreComponent.DECAY, "No engagement for "
                    + properties.inactivity().toDays() + " days: " + Math.round(properties.fraction() * 100) + "% off");
            contacts.markDecayed(contactId, now);
            decayed++;
        }
        return decayed;
    }
}
