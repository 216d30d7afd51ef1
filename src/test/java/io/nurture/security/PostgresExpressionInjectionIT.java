package io.nurture.security;

import io.nurture.OnPostgres;

/** The expression-injection suite on the real PostgreSQL, skipped or failed like the other PostgreSQL suites. */
@OnPostgres
class PostgresExpressionInjectionIT extends AbstractExpressionInjectionIT {
}
