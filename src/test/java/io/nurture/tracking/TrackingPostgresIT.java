package io.nurture.tracking;

import io.nurture.OnPostgres;

/** The tracking suite again on the real PostgreSQL. */
@OnPostgres
class TrackingPostgresIT extends TrackingIT {
}
