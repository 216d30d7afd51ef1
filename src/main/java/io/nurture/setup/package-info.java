/**
 * First start: demo users, groups and data, Tasklist filters and team permissions. Owns no table.
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "ingestion" })
package io.nurture.setup;

import org.springframework.modulith.ApplicationModule;
