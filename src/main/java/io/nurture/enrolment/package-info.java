/**
 * Campaigns from audiences: a segment's entries and exits announced to the diagrams as the messages
 * {@code segment-entered:<name>} and {@code segment-left:<name>} (a message start event starts a campaign, a catch
 * event moves one), and enrolling a segment's or a list's members in a campaign, each once, throttled, resumable
 * after a restart, with its progress. Snapshots the members from {@code segment_member} and
 * {@code contact_list_member} when asked; owns {@code audience_enrolment} and {@code audience_enrolment_member}.
 */
@ApplicationModule(allowedDependencies = { "audience", "campaign", "contact", "lists", "security", "web" })
package io.nurture.enrolment;

import org.springframework.modulith.ApplicationModule;
