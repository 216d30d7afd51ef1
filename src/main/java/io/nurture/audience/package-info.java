/**
 * Live segments: a marketer's named rule over the contacts' profile, marketing status, behaviour, campaigns and static
 * lists ({@link io.nurture.audience.SegmentRule}), compiled to one parameterised SQL predicate over {@code contact}
 * ({@link io.nurture.audience.RuleSql}). Members are kept current in the transaction of whatever changed the contact
 * (its row, an event, a campaign start or end, a list it joined or left), by a sweep for the time windows, and
 * rebuilt in the background when a rule changes; each stay is kept with when it began and ended, and each day's
 * size. A segment deleted takes its members, stays and sizes with it. Reads {@code contact}, {@code contact_event},
 * {@code contact_suppression}, {@code contact_list_member}, {@code delivery_report} and Camunda's
 * {@code ACT_HI_PROCINST}; owns {@code segment}, {@code segment_member}, {@code segment_membership_history} and
 * {@code segment_size_daily}. Publishes {@link io.nurture.audience.SegmentEntered} and
 * {@link io.nurture.audience.SegmentLeft}.
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "lists", "process", "web" })
package io.nurture.audience;

import org.springframework.modulith.ApplicationModule;
