package io.nurture.lists;

import io.nurture.OnPostgres;

/** The lists suite again on the real PostgreSQL: the batch of members, the merge and the erasure. */
@OnPostgres
class ListApiPostgresIT extends ListApiIT {
}
