/**
 * The event store: what a contact did, by {@link io.nurture.event.EventType}. Owns {@code contact_event};
 * {@link io.nurture.event.ContactEventRecorded} is published once an event is stored.
 */
@ApplicationModule(allowedDependencies = { "web" })
package io.nurture.event;

import org.springframework.modulith.ApplicationModule;
