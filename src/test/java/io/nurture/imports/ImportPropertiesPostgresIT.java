package io.nurture.imports;

import io.nurture.OnPostgres;

/** The property import again on the real PostgreSQL: the batched property writes beside the bulk contact writes. */
@OnPostgres
class ImportPropertiesPostgresIT extends ImportPropertiesIT {
}
