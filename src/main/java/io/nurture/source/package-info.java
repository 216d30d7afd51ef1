/**
 * The sites and servers that send events to the tracking API ({@code /v1/*}): named sources with write keys, set by
 * configuration ({@code nurture.sources.<name>.write-key}). A write key can only write events.
 */
@ApplicationModule(allowedDependencies = { "web" })
package io.nurture.source;

import org.springframework.modulith.ApplicationModule;
