package io.nurture.source;

import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The prod profile refuses to start with the demo write key, or any configured key short enough to guess: anyone
 * could otherwise write events as that source.
 */
@Component
@Profile("prod")
class ProductionWriteKeyCheck {

    static final int MIN_KEY_LENGTH = 32;

    ProductionWriteKeyCheck(ConfiguredSources configured) {
        check(configured.all());
    }

    static void check(Map<String, ConfiguredSource> sources) {
        sources.forEach((name, source) -> {
            String key = source.writeKey();
            if (key.equals(DemoWriteKey.VALUE)) {
                throw new IllegalStateException("Refusing to start the prod profile with the demo write key in "
                        + "nurture.sources." + name + ".write-key: set a key of your own or none");
            }
            if (key.length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException("Refusing to start the prod profile: nurture.sources." + name
                        + ".write-key is shorter than " + MIN_KEY_LENGTH + " characters (openssl rand -base64 32 "
                        + "makes one)");
            }
        });
    }
}
