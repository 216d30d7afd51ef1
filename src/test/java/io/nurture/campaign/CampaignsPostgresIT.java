package io.nurture.campaign;

import io.nurture.OnPostgres;

/** The campaign suite again on the real PostgreSQL (its queries: dormant contacts, dates, A/B results). */
@OnPostgres
class CampaignsPostgresIT extends CampaignsIT {
}
