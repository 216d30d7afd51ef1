/**
 * The lead hand-off: the SDR qualification and sales tasks, their SLA and reminders, and deals. Owns
 * {@code deal}.
 */
@ApplicationModule(allowedDependencies = {
        "campaign", "channel", "channel :: staff-mail", "contact", "event", "lifecycle", "process", "security", "web"
})
package io.nurture.handoff;

import org.springframework.modulith.ApplicationModule;
