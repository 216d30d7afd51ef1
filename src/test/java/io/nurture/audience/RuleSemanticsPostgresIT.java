package io.nurture.audience;

import io.nurture.OnPostgres;

/** The rules' SQL against their in-memory meaning again on the real PostgreSQL. */
@OnPostgres
class RuleSemanticsPostgresIT extends RuleSemanticsIT {
}
