/**
 * Funnel, velocity, campaign and A/B split reports, the contact timeline and the dashboard. Reads the other modules'
 * tables (the split report reads campaign's {@code ab_assignment}; Camunda's history only through
 * {@code CampaignInstances}); owns the report facts it derives from them: {@code delivery_report}, one row of facts
 * per send, and what each send figure means ({@code SendFigures}).
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "lifecycle", "process", "web" })
package io.nurture.reporting;

import org.springframework.modulith.ApplicationModule;
