package io.nurture.audience;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * On H2, the membership history's ids come from a sequence that writes the database file every 32 values by default:
 * an import of 100k contacts entering three live segments wrote it some 5,000 times, each write waiting for the
 * file's lock with the events' commits. 1,000 at a time, as the stage ledger's (V14_1): a crash leaves a gap in the
 * ids, nothing else. On PostgreSQL a sequence cache is per connection, which would number concurrent entries out of
 * order: left as it is.
 */
@Component
class V18__SegmentHistoryIdsCachedOnH2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().startsWith("H2")) {
            return;
        }
        JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true))
                .sql("ALTER TABLE segment_membership_history ALTER COLUMN id SET CACHE 1000").update();
    }
}
