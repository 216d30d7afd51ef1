/**
 * The event store: what a contact did, by {@link io.nurture.event.EventType}. Owns {@code contact_event} and
 * {@code contact_event_daily} (the counts that pruned events leave, {@code EventRetention});
 * {@link io.nurture.event.ContactEventRecorded} is published once an event is stored. A merged contact's events move
 * to the survivor, an erased contact's go.
 */
@ApplicationModule(allowedDependencies = { "contact", "retention", "web" })
package io.nurture.event;

import org.springframework.modulith.ApplicationModule;
