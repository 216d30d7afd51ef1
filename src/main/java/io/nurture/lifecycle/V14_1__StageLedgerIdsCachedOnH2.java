package io.nurture.lifecycle;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * On H2, the ledger's ids come from a sequence that writes the database file every 32 values by default: an import
 * entering 100k leads wrote it 3,000 times. 1,000 at a time (a crash leaves a gap in the ids, nothing else). On
 * PostgreSQL a sequence cache is per connection, which would number concurrent moves out of order: left as it is.
 */
@Component
class V14_1__StageLedgerIdsCachedOnH2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().startsWith("H2")) {
            return;
        }
        JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true))
                .sql("ALTER TABLE stage_transition ALTER COLUMN id SET CACHE 1000").update();
    }
}
