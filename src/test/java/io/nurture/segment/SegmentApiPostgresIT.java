package io.nurture.segment;

import io.nurture.OnPostgres;

/** The Segment API suite again on the real PostgreSQL. */
@OnPostgres
class SegmentApiPostgresIT extends SegmentApiIT {
}
