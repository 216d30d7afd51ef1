package io.nurture.source;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Which source a write key belongs to: a configured key (compared in constant time) or a stored one, found by its
 * SHA-256 on every call, so a key revoked a moment ago no longer works. Looking up a hash leaks nothing by its timing:
 * it says at most how a hash of the guess compares, not the key.
 */
@Component
public class WriteKeys {

    /** Far longer than any key Nurture makes; a longer one is not looked up at all. */
    static final int MAX_KEY_LENGTH = 200;

    private final ConfiguredSources configured;
    private final StoredSources stored;

    WriteKeys(ConfiguredSources configured, StoredSources stored) {
        this.configured = configured;
        this.stored = stored;
    }

    public Optional<Source> sourceOf(String writeKey) {
        if (writeKey == null || writeKey.isEmpty() || writeKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        Optional<Source> source = configured.byKey(writeKey);
        return source.isPresent() ? source : stored.byKeyHash(NewWriteKey.hash(writeKey));
    }
}
