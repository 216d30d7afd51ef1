/**
 * Funnel, velocity and campaign reports, the contact timeline and the dashboard. Reads the other modules' tables;
 * owns the report facts it derives from them: {@code delivery_report}, one row of facts per send, and what each send
 * figure means ({@code SendFigures}).
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "lifecycle", "web" })
package io.nurture.reporting;

import org.springframework.modulith.ApplicationModule;
