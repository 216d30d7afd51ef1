/**
 * Contacts: the {@code contact} record with its profile, consent, stage and scores, custom properties, identity
 * resolution (anonymous id and user id to e-mail), merge and erasure. Owns {@code contact},
 * {@code contact_anonymous_id}, {@code contact_user_id}, {@code contact_merged_id}, {@code contact_property} and {@code erasure_audit}; the only
 * writer of {@code contact}. Publishes {@link io.nurture.contact.ContactsMerged} and
 * {@link io.nurture.contact.ContactErased}, which every module handles for its own rows.
 */
@ApplicationModule(allowedDependencies = { "process", "security", "web" })
package io.nurture.contact;

import org.springframework.modulith.ApplicationModule;
