package io.nurture.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ids of contacts merged into another: their finished process instances keep the old id as business key, so the
 * survivor's erasure must know them. A survivor merged in turn hands its merged ids on.
 */
@Repository
class MergedIds {

    private final JdbcClient jdbc;

    MergedIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String survivorId, String mergedId) {
        jdbc.sql("UPDATE contact_merged_id SET contact_id = ? WHERE contact_id = ?").params(survivorId, mergedId)
                .update();
        jdbc.sql("INSERT INTO contact_merged_id (merged_id, contact_id, merged_at) VALUES (?, ?, ?)")
                .params(mergedId, survivorId, Timestamp.from(Instant.now())).update();
    }

    List<String> of(String contactId) {
        return jdbc.sql("SELECT merged_id FROM contact_merged_id WHERE contact_id = ? ORDER BY merged_at")
                .param(contactId).query(String.class).list();
    }

    void deleteOf(String contactId) {
        jdbc.sql("DELETE FROM contact_merged_id WHERE contact_id = ?").param(contactId).update();
    }
}
