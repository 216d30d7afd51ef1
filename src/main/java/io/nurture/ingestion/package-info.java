/**
 * {@code POST /api/events}: one event, one transaction, as a short orchestration of the other modules (resolve the
 * contact, store, score, move the stage, let the campaigns react). Other ways in (the tracking links, the Segment API)
 * hand their events to {@link io.nurture.ingestion.EventIngestionService} too, read profiles with
 * {@link io.nurture.ingestion.ProfileParser} and are held to the same {@link io.nurture.ingestion.EventLimits}. Owns no
 * table.
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "lifecycle", "process", "scoring", "security", "web" })
package io.nurture.ingestion;

import org.springframework.modulith.ApplicationModule;
