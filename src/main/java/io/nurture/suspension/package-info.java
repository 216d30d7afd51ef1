/**
 * Suspending and resuming a running campaign: the engine suspends the campaign's definition and instances (their
 * timers and sends wait), and while it is suspended the campaign's starts and the messages to its suspended
 * instances are held here ({@code process.CampaignHolds}) instead of failing the event that asked for them. Resume
 * delivers each instance's held messages in order before its jobs can run, then activates the campaign and runs the
 * held starts, each once. Owns {@code campaign_suspension}, {@code held_start} and {@code held_message}.
 */
@ApplicationModule(allowedDependencies = { "contact", "process", "security", "web" })
package io.nurture.suspension;

import org.springframework.modulith.ApplicationModule;
