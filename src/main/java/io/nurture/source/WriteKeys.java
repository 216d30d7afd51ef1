package io.nurture.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Which source a write key belongs to; compared in constant time, so a wrong key's answer tells nothing. */
@Component
public class WriteKeys {

    private final Map<String, ConfiguredSource> configured;

    WriteKeys(Environment environment) {
        this.configured = ConfiguredSource.from(environment);
    }

    public Optional<Source> sourceOf(String writeKey) {
        if (writeKey == null || writeKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = writeKey.getBytes(StandardCharsets.UTF_8);
        Source found = null;
        for (Map.Entry<String, ConfiguredSource> source : configured.entrySet()) {
            String key = source.getValue().writeKey();
            if (key != null && !key.isEmpty()
                    && MessageDigest.isEqual(given, key.getBytes(StandardCharsets.UTF_8))) {
                found = new Source(source.getKey(), source.getValue().allowedOrigins());
            }
        }
        return Optional.ofNullable(found);
    }
}
