/**
 * Funnel, velocity and campaign reports, the contact timeline and the dashboard. Reads the other modules' tables;
 * owns the report facts it derives from them.
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "lifecycle", "process", "web" })
package io.nurture.reporting;

import org.springframework.modulith.ApplicationModule;
