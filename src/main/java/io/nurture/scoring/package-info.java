/**
 * Behaviour and fit scores from the marketer's DMN tables, and their decay. Owns {@code score_history}; changes
 * the scores on {@code contact} through the contact module.
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "process", "retention" })
package io.nurture.scoring;

import org.springframework.modulith.ApplicationModule;
