/**
 * Lifecycle stages: the configured funnel and its roles, the stage rules, the MQL decision tables and the
 * stage-transition ledger. Owns {@code stage_transition} with its report facts
 * ({@link io.nurture.lifecycle.MoveFacts}); every move publishes {@link io.nurture.lifecycle.StageChanged}.
 */
@ApplicationModule(allowedDependencies = { "contact", "event", "process", "scoring" })
package io.nurture.lifecycle;

import org.springframework.modulith.ApplicationModule;
