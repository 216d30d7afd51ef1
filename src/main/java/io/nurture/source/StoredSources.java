package io.nurture.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sources an admin created, their origins and their keys (as hashes): the tables of this module. */
@Repository
class StoredSources {

    private final JdbcClient jdbc;

    StoredSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One indexed query: the unrevoked key's source with its origins. */
    Optional<Source> byKeyHash(String keyHash) {
        List<String[]> rows = jdbc.sql("""
                SELECT k.source_name, o.origin FROM source_write_key k
                LEFT JOIN source_origin o ON o.source_name = k.source_name
                WHERE k.key_hash = ? AND k.revoked_at IS NULL""")
                .param(keyHash).query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) }).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> origins = rows.stream().map(row -> row[1]).filter(origin -> origin != null).sorted().toList();
        return Optional.of(new Source(rows.get(0)[0], origins));
    }

    boolean allowOrigin(String origin) {
        return jdbc.sql("SELECT COUNT(*) FROM source_origin WHERE origin = ?").param(origin).query(Long.class)
                .single() > 0;
    }

    boolean exists(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM source WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    /** The origins of a stored source; empty when there is no such source. */
    Optional<List<String>> originsOf(String name) {
        if (!exists(name)) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT origin FROM source_origin WHERE source_name = ? ORDER BY origin")
                .param(name).query(String.class).list());
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the name is taken meanwhile */
    void insert(String name, List<String> origins, String createdBy, Instant at) {
        jdbc.sql("INSERT INTO source (name, created_at, created_by) VALUES (?, ?, ?)")
                .params(name, Timestamp.from(at), createdBy).update();
        for (String origin : origins) {
            jdbc.sql("INSERT INTO source_origin (source_name, origin) VALUES (?, ?)").params(name, origin).update();
        }
    }

    void insertKey(String name, NewWriteKey key, String createdBy, Instant at) {
        jdbc.sql("""
                INSERT INTO source_write_key (key_id, source_name, key_hash, hint, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(key.keyId(), name, key.hash(), key.hint(), Timestamp.from(at), createdBy).update();
    }

    /** @return whether the source has that key (revoked now or before) */
    boolean revoke(String name, String keyId, String revokedBy, Instant at) {
        jdbc.sql("""
                UPDATE source_write_key SET revoked_at = ?, revoked_by = ?
                WHERE key_id = ? AND source_name = ? AND revoked_at IS NULL""")
                .params(Timestamp.from(at), revokedBy, keyId, name).update();
        return jdbc.sql("SELECT COUNT(*) FROM source_write_key WHERE key_id = ? AND source_name = ?")
                .params(keyId, name).query(Long.class).single() > 0;
    }

    /** Every stored source with its origins and keys, by name; keys oldest first. */
    List<StoredSource> all() {
        Map<String, List<String>> origins = new LinkedHashMap<>();
        jdbc.sql("SELECT source_name, origin FROM source_origin ORDER BY source_name, origin").query(rs -> {
            origins.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add(rs.getString(2));
        });
        Map<String, List<KeyInfo>> keys = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM source_write_key ORDER BY source_name, created_at, key_id").query(rs -> {
            keys.computeIfAbsent(rs.getString("source_name"), name -> new ArrayList<>()).add(new KeyInfo(
                    rs.getString("key_id"), rs.getString("hint"), instant(rs, "created_at"),
                    rs.getString("created_by"), instant(rs, "revoked_at"), rs.getString("revoked_by")));
        });
        return jdbc.sql("SELECT name, created_at, created_by FROM source ORDER BY name")
                .query((rs, row) -> new StoredSource(rs.getString("name"),
                        origins.getOrDefault(rs.getString("name"), List.of()), instant(rs, "created_at"),
                        rs.getString("created_by"), keys.getOrDefault(rs.getString("name"), List.of())))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    record StoredSource(String name, List<String> allowedOrigins, Instant createdAt, String createdBy,
            List<KeyInfo> keys) {
    }

    /** What the list shows of a key: never the key or its hash. */
    record KeyInfo(String keyId, String hint, Instant createdAt, String createdBy, Instant revokedAt,
            String revokedBy) {
    }
}
