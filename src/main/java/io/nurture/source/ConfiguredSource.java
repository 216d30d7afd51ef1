package io.nurture.source;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A source set by configuration, {@code nurture.sources.<name>.*}: its write key and the browser origins it may post
 * from ({@code https://www.example.com}). One with an empty key is no source (the prod profile empties the demo's).
 */
public record ConfiguredSource(String writeKey, List<String> allowedOrigins) {

    public ConfiguredSource {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    static Map<String, ConfiguredSource> from(Environment environment) {
        Map<String, ConfiguredSource> all = Binder.get(environment)
                .bind("nurture.sources", Bindable.mapOf(String.class, ConfiguredSource.class)).orElse(Map.of());
        return all.entrySet().stream()
                .filter(source -> source.getValue().writeKey() != null && !source.getValue().writeKey().isBlank())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
