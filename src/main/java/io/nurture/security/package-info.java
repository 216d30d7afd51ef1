/**
 * Who may call what: HTTP Basic against Camunda's identity service for {@code /api} and {@code /engine-rest},
 * the {@code /api} access rules, the login throttle, the write-key throttle of {@code /v1}, request body caps and the
 * engine's query-expression guard.
 * Owns no table (users and groups are the engine's).
 */
@ApplicationModule(allowedDependencies = { "web" })
package io.nurture.security;

import org.springframework.modulith.ApplicationModule;
