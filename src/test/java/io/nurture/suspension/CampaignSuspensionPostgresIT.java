package io.nurture.suspension;

import io.nurture.OnPostgres;

/** The suspension suite again on the real PostgreSQL (its row locks, the engine's suspension updates there). */
@OnPostgres
class CampaignSuspensionPostgresIT extends CampaignSuspensionIT {
}
