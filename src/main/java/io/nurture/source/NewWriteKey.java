package io.nurture.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A write key as it is made: 32 random bytes, URL-safe Base64 without padding (43 characters), shown once; only its
 * SHA-256 and its first {@value #HINT_LENGTH} characters are kept. A hash without salt is enough for a random key of
 * 256 bits: there is no dictionary to try.
 */
record NewWriteKey(String keyId, String key) {

    static final int HINT_LENGTH = 4;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    static NewWriteKey generate() {
        byte[] secret = new byte[KEY_BYTES];
        RANDOM.nextBytes(secret);
        return new NewWriteKey(UUID.randomUUID().toString(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    String hash() {
        return hash(key);
    }

    String hint() {
        return key.substring(0, HINT_LENGTH);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
