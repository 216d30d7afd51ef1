/**
 * Sending: the {@link io.nurture.channel.Channel} port with its e-mail, SMS, webhook and in-app adapters, the send
 * policy (consent, suppression, caps, quiet hours), the delivery log with its idempotency keys and the signed
 * tracking links. Owns {@code delivery}, {@code contact_suppression}, {@code suppressed_address},
 * {@code contact_time_zone} and {@code notification}, and moves or deletes them when contacts merge or are erased.
 */
@ApplicationModule(allowedDependencies = { "contact", "process", "retention", "web" })
package io.nurture.channel;

import org.springframework.modulith.ApplicationModule;
