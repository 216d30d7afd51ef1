package io.nurture.audience;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * H2 gives a foreign key its own index unless one of exactly its columns exists when the key is declared; V13 declared
 * the keys with the tables, before their indexes, so on H2 {@code segment_member} and
 * {@code segment_membership_history} each indexed {@code contact_id} twice, and every entry into a segment wrote two
 * index entries more than on PostgreSQL. Contact ids are UUIDs: each of those entries lands on a page of its own,
 * read, rewritten at the next commit of any connection and visited again by the entering transaction's commit (the
 * entries were a third of the import thread's samples with three live segments). On H2 the two keys are declared again
 * over the declared indexes; the history's index becomes {@code contact_id} alone (a contact's few stays are read and
 * filtered by segment). PostgreSQL does not index a foreign key by itself: left as it is.
 */
@Component
class V21__SegmentContactIndexesSharedWithForeignKeysOnH2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().startsWith("H2")) {
            return;
        }
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        dropContactKey(jdbc, "SEGMENT_MEMBER");
        jdbc.sql("""
                ALTER TABLE segment_member ADD CONSTRAINT fk_segment_member_contact
                FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE""").update();
        dropContactKey(jdbc, "SEGMENT_MEMBERSHIP_HISTORY");
        jdbc.sql("DROP INDEX ix_segment_history_contact").update();
        jdbc.sql("CREATE INDEX ix_segment_history_contact ON segment_membership_history (contact_id)").update();
        jdbc.sql("""
                ALTER TABLE segment_membership_history ADD CONSTRAINT fk_segment_history_contact
                FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE""").update();
    }

    /** Drops the table's foreign key on {@code contact_id} (named by H2 at V13), and the index H2 made for it. */
    private static void dropContactKey(JdbcClient jdbc, String table) {
        String name = jdbc.sql("""
                SELECT k.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t
                JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA
                    AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME
                WHERE t.TABLE_SCHEMA = CURRENT_SCHEMA AND t.TABLE_NAME = ? AND t.CONSTRAINT_TYPE = 'FOREIGN KEY'
                    AND k.COLUMN_NAME = 'CONTACT_ID'""").param(table).query(String.class).single();
        jdbc.sql("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name + "\"").update();
    }
}
