/**
 * The delegates and listeners the nurture campaigns' BPMN uses: enrolment, reactions to events, A/B splits,
 * date triggers and sunsetting. Owns {@code ab_assignment}, {@code contact_date} and {@code date_trigger_fired}.
 */
@ApplicationModule(allowedDependencies = { "channel", "contact", "event", "lifecycle", "process", "scoring", "web" })
package io.nurture.campaign;

import org.springframework.modulith.ApplicationModule;
