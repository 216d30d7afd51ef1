package io.nurture.simulation;

import io.nurture.OnPostgres;

/**
 * The simulator suite again with Nurture on the real PostgreSQL: the campaign and tables read from there, the
 * simulation's own engine in memory either way.
 */
@OnPostgres
class SimulationPostgresIT extends SimulationIT {
}
