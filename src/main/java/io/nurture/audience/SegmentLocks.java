package io.nurture.audience;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * How a segment's row is locked. Contacts entering or leaving it hold it shared until they commit, so a deletion of
 * the segment either waits for them (and takes their rows with it) or they wait for it and find no segment; an edit
 * or a rebuild's stretch holds it against other edits only. PostgreSQL has both modes ({@code FOR KEY SHARE} does
 * not wait for {@code FOR NO KEY UPDATE}); H2 has one, so there entries, edits and stretches take turns.
 */
@Component
class SegmentLocks {

    private final boolean postgres;

    SegmentLocks(DataSource dataSource) throws MetaDataAccessException {
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /** For contacts entering or leaving the segment. */
    String forMembers() {
        return postgres ? "FOR KEY SHARE" : "FOR UPDATE";
    }

    /** For an edit of its rule or a rebuild's progress. */
    String forEdit() {
        return postgres ? "FOR NO KEY UPDATE" : "FOR UPDATE";
    }
}
