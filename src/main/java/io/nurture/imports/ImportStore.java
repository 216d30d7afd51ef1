package io.nurture.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.imports.ImportColumns.Refused;

/** The imports' rows: the import with its counters, the uploaded text in parts, the refused rows. */
@Repository
class ImportStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ImportStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    record NewImport(String id, String fileName, String mapping, boolean startCampaigns, boolean dryRun,
            String listId, String createdBy, Instant createdAt) {
    }

    void create(NewImport created) {
        jdbc.sql("""
                INSERT INTO contact_import (id, file_name, mapping, start_campaigns, dry_run, list_id, status,
                                            total_rows, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""")
                .params(created.id(), created.fileName(), created.mapping(), created.startCampaigns(),
                        created.dryRun(), created.listId(), created.createdBy(), Timestamp.from(created.createdAt()))
                .update();
    }

    /** The files of the imports that are still to fill the list. */
    List<String> unfinishedInto(String listId) {
        return jdbc.sql("""
                SELECT COALESCE(file_name, id) FROM contact_import WHERE list_id = ? AND status IN ('QUEUED', 'RUNNING')
                ORDER BY created_at""").param(listId).query(String.class).list();
    }

    /** A deleted list is no import's target any more (the imports' reports stop naming it). */
    int forgetList(String listId) {
        return jdbc.sql("UPDATE contact_import SET list_id = NULL WHERE list_id = ?").param(listId).update();
    }

    void setTotalRows(String importId, int rows) {
        jdbc.sql("UPDATE contact_import SET total_rows = ? WHERE id = ?").params(rows, importId).update();
    }

    void addPart(String importId, int part, String content) {
        jdbc.sql("INSERT INTO contact_import_part (import_id, part, content) VALUES (?, ?, ?)")
                .params(importId, part, content).update();
    }

    Optional<String> part(String importId, int part) {
        return jdbc.sql("SELECT content FROM contact_import_part WHERE import_id = ? AND part = ?")
                .params(importId, part).query(String.class).optional();
    }

    void deleteParts(String importId) {
        jdbc.sql("DELETE FROM contact_import_part WHERE import_id = ?").param(importId).update();
    }

    /** Takes the import for this node until {@code until}, unless another node holds it; true when taken. */
    boolean claim(String importId, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE contact_import SET status = 'RUNNING', lease_until = ?
                WHERE id = ? AND status IN ('QUEUED', 'RUNNING') AND (lease_until IS NULL OR lease_until < ?)""")
                .params(Timestamp.from(until), importId, Timestamp.from(now)).update() == 1;
    }

    /** Imports waiting or running that no node holds: queued ones, and those of a node that stopped. */
    List<String> unclaimed(Instant now) {
        return jdbc.sql("""
                SELECT id FROM contact_import WHERE status IN ('QUEUED', 'RUNNING')
                AND (lease_until IS NULL OR lease_until < ?) ORDER BY created_at""")
                .param(Timestamp.from(now)).query(String.class).list();
    }

    record Counts(int processed, int created, int updated, int unchanged, int refused) {

        Counts plus(Counts chunk) {
            return new Counts(processed + chunk.processed, created + chunk.created, updated + chunk.updated,
                    unchanged + chunk.unchanged, refused + chunk.refused);
        }
    }

    /** A chunk's counts, in the chunk's transaction, so that a restart goes on after the last chunk stored. */
    void progress(String importId, Counts chunk, Instant leaseUntil) {
        jdbc.sql("""
                UPDATE contact_import SET processed_rows = processed_rows + ?, created_rows = created_rows + ?,
                  updated_rows = updated_rows + ?, unchanged_rows = unchanged_rows + ?,
                  refused_rows = refused_rows + ?, lease_until = ?
                WHERE id = ?""")
                .params(chunk.processed(), chunk.created(), chunk.updated(), chunk.unchanged(), chunk.refused(),
                        Timestamp.from(leaseUntil), importId)
                .update();
    }

    void finish(String importId, ImportStatus status, String failure, Instant at) {
        jdbc.sql("""
                UPDATE contact_import SET status = ?, failure = ?, finished_at = ?, lease_until = NULL
                WHERE id = ?""").params(status.name(), failure, Timestamp.from(at), importId).update();
    }

    void addErrors(String importId, List<Refused> refused) {
        if (refused.isEmpty()) {
            return;
        }
        batches.batchUpdate(
                "INSERT INTO contact_import_error (import_id, row_number, email, reason) VALUES (?, ?, ?, ?)",
                refused.stream().map(row -> new Object[] { importId, row.number(), row.email(),
                        row.reason().length() > 500 ? row.reason().substring(0, 500) : row.reason() }).toList(),
                new int[] { Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR });
    }

    record RowError(int row, String email, String reason) {
    }

    List<RowError> errors(String importId, int offset, int limit) {
        return jdbc.sql("""
                SELECT row_number, email, reason FROM contact_import_error WHERE import_id = ?
                ORDER BY row_number LIMIT ? OFFSET ?""").params(importId, limit, offset)
                .query((rs, n) -> new RowError(rs.getInt("row_number"), rs.getString("email"), rs.getString("reason")))
                .list();
    }

    int deleteErrorsOf(String email) {
        return jdbc.sql("DELETE FROM contact_import_error WHERE email = ?").param(email).update();
    }

    Optional<StoredImport> find(String importId) {
        return jdbc.sql("SELECT * FROM contact_import WHERE id = ?").param(importId).query(ImportStore::map)
                .optional();
    }

    List<StoredImport> recent(int limit) {
        return jdbc.sql("SELECT * FROM contact_import ORDER BY created_at DESC LIMIT ?").param(limit)
                .query(ImportStore::map).list();
    }

    /** An import as stored: its report and the mapping it runs with. */
    record StoredImport(ImportReport report, String mapping) {
    }

    private static StoredImport map(ResultSet rs, int row) throws SQLException {
        int total = rs.getInt("total_rows");
        int processed = rs.getInt("processed_rows");
        Timestamp finished = rs.getTimestamp("finished_at");
        String mapping = rs.getString("mapping");
        return new StoredImport(new ImportReport(rs.getString("id"), rs.getString("file_name"),
                ImportStatus.valueOf(rs.getString("status")), rs.getBoolean("dry_run"), rs.getString("list_id"),
                rs.getBoolean("start_campaigns"), total, processed,
                total == 0 ? 100 : (int) (100L * processed / total), rs.getInt("created_rows"),
                rs.getInt("updated_rows"), rs.getInt("unchanged_rows"), rs.getInt("refused_rows"),
                rs.getString("failure"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant()), mapping);
    }
}
