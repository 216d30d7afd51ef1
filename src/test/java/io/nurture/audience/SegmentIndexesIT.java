package io.nurture.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.JobsOffAppTest;

/**
 * On H2 an entry into a segment writes one index entry by {@code contact_id} per table, as on PostgreSQL (V21): the
 * foreign keys to {@code contact} use the declared indexes instead of indexes of their own, and still delete with the
 * contact.
 */
@JobsOffAppTest
class SegmentIndexesIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachMembershipTableIndexesContactIdOnce() {
        assertThat(indexesLedByContactId("SEGMENT_MEMBER")).containsExactly("IX_SEGMENT_MEMBER_CONTACT");
        assertThat(indexesLedByContactId("SEGMENT_MEMBERSHIP_HISTORY")).containsExactly("IX_SEGMENT_HISTORY_CONTACT");
    }

    @Test
    void theirForeignKeysToContactStillCascade() {
        assertThat(cascadingKeysToContact("SEGMENT_MEMBER")).containsExactly("CONTACT_ID");
        assertThat(cascadingKeysToContact("SEGMENT_MEMBERSHIP_HISTORY")).containsExactly("CONTACT_ID");
    }

    private List<String> indexesLedByContactId(String table) {
        return jdbc.sql("""
                SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA
                AND TABLE_NAME = ? AND COLUMN_NAME = 'CONTACT_ID' AND ORDINAL_POSITION = 1 ORDER BY INDEX_NAME""")
                .param(table).query(String.class).list();
    }

    private List<String> cascadingKeysToContact(String table) {
        return jdbc.sql("""
                SELECT k.COLUMN_NAME FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r
                JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS fk ON fk.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA
                    AND fk.CONSTRAINT_NAME = r.CONSTRAINT_NAME
                JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS pk ON pk.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA
                    AND pk.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME
                JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = fk.CONSTRAINT_SCHEMA
                    AND k.CONSTRAINT_NAME = fk.CONSTRAINT_NAME
                WHERE fk.TABLE_SCHEMA = CURRENT_SCHEMA AND fk.TABLE_NAME = ? AND pk.TABLE_NAME = 'CONTACT'
                    AND r.DELETE_RULE = 'CASCADE'""").param(table).query(String.class).list();
    }
}
