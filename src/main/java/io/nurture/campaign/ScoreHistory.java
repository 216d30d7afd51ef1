package io.nurture.campaign;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of the shared {@code score_history} for points a campaign step gives. */
@Repository
class ScoreHistory {

    private final JdbcClient jdbc;

    ScoreHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void behaviour(String contactId, int delta, int scoreAfter, String reason) {
        jdbc.sql("""
                INSERT INTO score_history (contact_id, component, delta, score_after, reason, at)
                VALUES (?, 'behaviour', ?, ?, ?, ?)""")
                .params(contactId, delta, scoreAfter, reason.length() > 200 ? reason.substring(0, 200) : reason,
                        Timestamp.from(Instant.now()))
                .update();
    }
}
