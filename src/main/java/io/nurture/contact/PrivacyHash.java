package io.nurture.contact;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 under {@code nurture.privacy.hash-key}: what must outlive an erasure (the audit row, a suppressed
 * address) recognises the id or address again without storing it. Without the key nobody can test guesses against
 * the hashes; a new key makes the old hashes match nothing.
 */
@Component
public class PrivacyHash {

    private final SecretKeySpec key;

    PrivacyHash(@Value("${nurture.privacy.hash-key}") String key) {
        if (key.isBlank()) {
            throw new IllegalStateException(
                    "Set nurture.privacy.hash-key (NURTURE_PRIVACY_HASH_KEY in the prod profile) and keep it");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** 64 lower-case hex digits. */
    public String of(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The address as contacts store it (trimmed, lower case): {@code " Ada@Example.com"} hashes as ada@example.com. */
    public String ofEmail(String email) {
        return of(ContactRepository.normalizeEmail(email));
    }
}
