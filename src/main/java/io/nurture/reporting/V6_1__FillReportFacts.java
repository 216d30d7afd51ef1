package io.nurture.reporting;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import io.nurture.lifecycle.Funnel;

/** Fills in the report facts that V6 added for the rows written before it (Spring Boot hands this bean to Flyway). */
@Component
class V6_1__FillReportFacts extends BaseJavaMigration {

    private final Funnel funnel;

    V6_1__FillReportFacts(Funnel funnel) {
        this.funnel = funnel;
    }

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        new ReportFacts(jdbc, funnel).fillAll();
    }
}
