/**
 * Funnel, velocity, campaign and A/B split reports, the contact timeline and the dashboard (a campaign's versions page
 * shows {@code migration}'s dry run and {@code suspension}'s state, the segment pages {@code audience}'s rules
 * and members, the list pages {@code lists}' members, and the simulator page runs {@code simulation}, each for the
 * groups {@code security.ApiAccessRules} names for it). Reads the other modules' tables (the split report reads campaign's {@code ab_assignment}; Camunda's history only through
 * {@code CampaignInstances}); owns the report facts it derives from them: {@code delivery_report}, one row of facts
 * per send, and what each send figure means ({@code SendFigures}); and {@code send_daily} and
 * {@code split_send_totals}, the figures of sends whose deliveries were pruned ({@code SendRollup}).
 */
@ApplicationModule(allowedDependencies = { "audience", "channel", "contact", "enrolment", "event", "imports",
        "lifecycle", "lists", "migration", "process", "security", "simulation", "suspension", "web" })
package io.nurture.reporting;

import org.springframework.modulith.ApplicationModule;
