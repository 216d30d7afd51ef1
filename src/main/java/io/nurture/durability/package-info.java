/**
 * Commit durability of the database (H2 write delay, PostgreSQL {@code synchronous_commit}), H2 file housekeeping
 * and H2's statement cache. Depends on no other module; owns no table.
 */
@ApplicationModule(allowedDependencies = {})
package io.nurture.durability;

import org.springframework.modulith.ApplicationModule;
