package io.nurture.source;

import io.nurture.OnPostgres;

/** The sources suite again on the real PostgreSQL: the migration, the key lookup by hash, the conflicts. */
@OnPostgres
class SourceApiPostgresIT extends SourceApiIT {
}
