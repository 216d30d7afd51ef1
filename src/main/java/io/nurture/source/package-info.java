/**
 * The sites and servers that send events to the tracking API ({@code /v1/*}): named sources with write keys, set by
 * configuration ({@code nurture.sources.<name>.write-key}) or created and revoked by an admin under
 * {@code /api/sources} (stored hashed), and the CORS of {@code /v1/**} for the origins they list. A write key can only
 * write events. Owns {@code source}, {@code source_origin} and {@code source_write_key}.
 */
@ApplicationModule(allowedDependencies = { "security", "web" })
package io.nurture.source;

import org.springframework.modulith.ApplicationModule;
