package io.nurture.monitoring;

import io.nurture.OnPostgres;

/** The metrics suite again on the real PostgreSQL: the gauges' grouped queries on the engine's and Nurture's tables. */
@OnPostgres
class MetricsPostgresIT extends MetricsIT {
}
