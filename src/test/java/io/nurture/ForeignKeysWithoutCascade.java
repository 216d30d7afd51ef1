package io.nurture;

import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Replaces the cascading foreign keys to {@code contact} with plain ones once Flyway has migrated (in the shared
 * {@link InboxAppTest} context), so a merge or an erasure that leaves a row of a contact behind in some module's table
 * fails instead of being tidied up by the database. Production keeps the cascades as a backstop.
 */
public class ForeignKeysWithoutCascade implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        cascadingForeignKeys(jdbc).forEach(fk -> {
            jdbc.sql("ALTER TABLE " + fk.get(0) + " DROP CONSTRAINT " + fk.get(1)).update();
            jdbc.sql("ALTER TABLE " + fk.get(0) + " ADD CONSTRAINT " + fk.get(1) + " FOREIGN KEY (" + fk.get(2)
                    + ") REFERENCES contact (id)").update();
        });
    }

    @Override
    public String getCallbackName() {
        return "foreign keys to contact without cascade";
    }

    /** Table, constraint and column of each foreign key to {@code contact} that deletes with the contact. */
    public static List<List<String>> cascadingForeignKeys(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT fk.table_name, fk.constraint_name, k.column_name
                FROM information_schema.referential_constraints r
                JOIN information_schema.table_constraints fk
                  ON fk.constraint_schema = r.constraint_schema AND fk.constraint_name = r.constraint_name
                JOIN information_schema.table_constraints pk
                  ON pk.constraint_schema = r.unique_constraint_schema AND pk.constraint_name = r.unique_constraint_name
                JOIN information_schema.key_column_usage k
                  ON k.constraint_schema = fk.constraint_schema AND k.constraint_name = fk.constraint_name
                     AND k.table_name = fk.table_name
                WHERE LOWER(pk.table_name) = 'contact' AND r.delete_rule = 'CASCADE'""")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
