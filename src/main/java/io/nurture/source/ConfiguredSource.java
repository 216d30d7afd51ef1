package io.nurture.source;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A source set by configuration, {@code nurture.sources.<name>.*}: its write key and the browser origins it may post
 * from ({@code https://www.example.com}).
 */
public record ConfiguredSource(String writeKey, List<String> allowedOrigins) {

    public ConfiguredSource {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    static Map<String, ConfiguredSource> from(Environment environment) {
        return Binder.get(environment).bind("nurture.sources", Bindable.mapOf(String.class, ConfiguredSource.class))
                .map(Map::copyOf).orElse(Map.of());
    }
}
