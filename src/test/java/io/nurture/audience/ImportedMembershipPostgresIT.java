package io.nurture.audience;

import io.nurture.OnPostgres;

/** The bulk membership suite again on the real PostgreSQL: the slices' locks and IN lists there. */
@OnPostgres
class ImportedMembershipPostgresIT extends ImportedMembershipIT {
}
