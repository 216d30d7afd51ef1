package io.nurture.source;

import org.springframework.stereotype.Component;

/** The union of all sources' origins, configured and stored; the stored ones asked for at each call. */
@Component
class AllowedOrigins {

    private final ConfiguredSources configured;
    private final StoredSources stored;

    AllowedOrigins(ConfiguredSources configured, StoredSources stored) {
        this.configured = configured;
        this.stored = stored;
    }

    boolean allow(String origin) {
        if (origin == null || origin.isEmpty() || origin.length() > SourceRules.MAX_ORIGIN_LENGTH) {
            return false;
        }
        return configured.allowOrigin(origin) || stored.allowOrigin(origin);
    }
}
