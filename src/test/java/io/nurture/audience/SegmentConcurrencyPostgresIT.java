package io.nurture.audience;

import io.nurture.OnPostgres;

/** Concurrent events and a rebuild again on the real PostgreSQL (its row locks and MVCC). */
@OnPostgres
class SegmentConcurrencyPostgresIT extends SegmentConcurrencyIT {
}
