package io.nurture.imports;

import io.nurture.OnPostgres;

/** The import suite again on the real PostgreSQL: the bulk statements, the locks by e-mail, the race with events. */
@OnPostgres
class ContactImportPostgresIT extends ContactImportIT {
}
