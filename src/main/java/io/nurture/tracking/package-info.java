/**
 * The public tracking links ({@code /t/*}): open pixel, click redirect, one-click unsubscribe and the preference
 * page, each turned into an event. Owns no table.
 */
@ApplicationModule(allowedDependencies = { "channel", "contact", "event", "ingestion", "web" })
package io.nurture.tracking;

import org.springframework.modulith.ApplicationModule;
