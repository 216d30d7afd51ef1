package io.nurture.audience;

import io.nurture.OnPostgres;

/** The segments suite again on the real PostgreSQL. */
@OnPostgres
class SegmentsPostgresIT extends SegmentsIT {
}
