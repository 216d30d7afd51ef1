/**
 * Safe changes to a running campaign: when a marketer deploys a new version of a diagram, which running instances of
 * the older versions can move to it (Camunda's migration plan, activities mapped by id), and moving them as a batch
 * whose progress can be followed. Talks to the engine only about whole campaign versions, never about one contact
 * ({@code process.ContactProcesses} does that). Depends on the web plumbing only; owns no table.
 */
@ApplicationModule(allowedDependencies = { "web" })
package io.nurture.migration;

import org.springframework.modulith.ApplicationModule;
