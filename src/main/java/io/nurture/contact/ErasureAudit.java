package io.nurture.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One row per erasure, without personal data: when, which API user, how many rows of each kind went, and the contact
 * id only as a keyed hash, so an auditor who is given an id can confirm that it was erased, and nobody can read one.
 */
@Repository
class ErasureAudit {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final PrivacyHash hash;
    private final ObjectMapper json;

    ErasureAudit(JdbcClient jdbc, PrivacyHash hash, ObjectMapper json) {
        this.jdbc = jdbc;
        this.hash = hash;
        this.json = json;
    }

    record Erasure(Instant erasedAt, String erasedBy, Map<String, Long> removed) {
    }

    void record(String contactId, String erasedBy, Map<String, Long> removed) {
        jdbc.sql("INSERT INTO erasure_audit (contact_hash, erased_by, erased_at, removed) VALUES (?, ?, ?, ?)")
                .params(hash.of(contactId), erasedBy, Timestamp.from(Instant.now()), toJson(removed)).update();
    }

    List<Erasure> of(String contactId) {
        return jdbc.sql("SELECT * FROM erasure_audit WHERE contact_hash = ? ORDER BY erased_at DESC")
                .param(hash.of(contactId))
                .query((rs, row) -> new Erasure(rs.getTimestamp("erased_at").toInstant(), rs.getString("erased_by"),
                        fromJson(rs.getString("removed"))))
                .list();
    }

    private String toJson(Map<String, Long> removed) {
        try {
            return json.writeValueAsString(removed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> fromJson(String removed) {
        try {
            return json.readValue(removed, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable erasure_audit.removed: " + removed, e);
        }
    }
}
