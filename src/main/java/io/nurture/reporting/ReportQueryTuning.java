package io.nurture.reporting;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's JIT compiler spends longer compiling the reports' aggregate plans (hundreds of milliseconds, measured
 * by ReportsBenchmark) than they take to run, and the default 4 MB of sort memory makes a year's aggregates spill to
 * disk, and a generic plan cached for a prepared report query ignores how long the asked period is; all three are
 * changed for the report's own transaction only.
 */
@Component
class ReportQueryTuning {

    private final JdbcClient jdbc;
    private final boolean postgres;

    ReportQueryTuning(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /** Call inside the report's transaction. */
    void apply() {
        if (postgres) {
            jdbc.sql("SET LOCAL jit = off").update();
            jdbc.sql("SET LOCAL work_mem = '64MB'").update();
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        }
    }
}
