package io.nurture.migration;

import io.nurture.OnPostgres;

/** The migration suite again on the real PostgreSQL (the engine's plan, instance and batch queries there). */
@OnPostgres
class CampaignMigrationPostgresIT extends CampaignMigrationIT {
}
