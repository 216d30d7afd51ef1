package io.nurture.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The sources of {@code nurture.sources.<name>.*}, read once at start: configuration does not change at run time. */
@Component
class ConfiguredSources {

    private final Map<String, ConfiguredSource> sources;
    private final Set<String> origins;

    ConfiguredSources(Environment environment) {
        this.sources = new TreeMap<>(ConfiguredSource.from(environment));
        this.origins = sources.values().stream().flatMap(source -> source.allowedOrigins().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Compares with every key in constant time, so the answer's timing tells nothing about any key. */
    Optional<Source> byKey(String writeKey) {
        byte[] given = writeKey.getBytes(StandardCharsets.UTF_8);
        Source found = null;
        for (Map.Entry<String, ConfiguredSource> source : sources.entrySet()) {
            if (MessageDigest.isEqual(given, source.getValue().writeKey().getBytes(StandardCharsets.UTF_8))) {
                found = new Source(source.getKey(), source.getValue().allowedOrigins());
            }
        }
        return Optional.ofNullable(found);
    }

    boolean has(String name) {
        return sources.containsKey(name);
    }

    boolean allowOrigin(String origin) {
        return origins.contains(origin);
    }

    /** By name, in name order. */
    Map<String, ConfiguredSource> all() {
        return sources;
    }
}
