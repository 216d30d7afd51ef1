package io.nurture.lifecycle;

import io.nurture.OnPostgres;

/** The lifecycle suite on the real PostgreSQL, skipped or failed like the other PostgreSQL suites. */
@OnPostgres
class PostgresLifecycleIT extends AbstractLifecycleIT {
}
