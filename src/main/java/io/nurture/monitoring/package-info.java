/**
 * What an operator watches: the gauges of {@code /actuator/prometheus} that are read from the database (contacts by
 * stage, the deferred-send backlog, the engine's job backlog, incidents and running instances), each one grouped query,
 * cached and never failing the scrape, and the job executor's health in the readiness probe. The counters are recorded
 * where things happen (ingestion, channel). Reads the engine's tables and, through their own API, contact's and
 * channel's; owns no table.
 */
@ApplicationModule(allowedDependencies = { "channel", "contact" })
package io.nurture.monitoring;

import org.springframework.modulith.ApplicationModule;
