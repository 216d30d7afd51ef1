package io.nurture.reporting;

import io.nurture.OnPostgres;

/** The reports on the real PostgreSQL, in a context of their own like {@link H2ReportsIT}. */
@OnPostgres
class PostgresReportsIT extends AbstractReportsIT {
}
