/**
 * Retention of Nurture's own tables: each night, in the hours of the engine's history cleanup, one node at a time
 * (a lease in {@code retention_lease}) asks every {@link io.nurture.retention.PrunableRows} of the other modules to
 * remove its rows older than its retention (nurture.retention.*), in short transactions of bounded size. Each owner
 * prunes its own table and keeps what its reports need. Owns {@code retention_lease}; depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package io.nurture.retention;

import org.springframework.modulith.ApplicationModule;
