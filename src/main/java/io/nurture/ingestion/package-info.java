/**
 * {@code POST /api/events}: one event, one transaction, as a short orchestration of the other modules (resolve the
 * contact, store, score, move the stage, let the campaigns react). Owns no table.
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "lifecycle", "process", "scoring", "security", "web" })
package io.nurture.ingestion;

import org.springframework.modulith.ApplicationModule;
