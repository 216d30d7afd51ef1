package io.nurture.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrivacyHashTest {

    @Test
    void isHmacSha256UnderTheConfiguredKey() {
        // the RFC 2104 example everyone checks against
        assertThat(new PrivacyHash("key").of("The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void hashesAnAddressAsContactsStoreIt() {
        PrivacyHash hash = new PrivacyHash("k");
        assertThat(hash.ofEmail(" Ada@Example.COM ")).isEqualTo(hash.ofEmail("ada@example.com"))
                .isEqualTo(hash.of("ada@example.com"));
        assertThat(new PrivacyHash("another key").ofEmail("ada@example.com"))
                .isNotEqualTo(hash.ofEmail("ada@example.com"));
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertThatThrownBy(() -> new PrivacyHash(" ")).hasMessageContaining("nurture.privacy.hash-key")
                .hasMessageContaining("NURTURE_PRIVACY_HASH_KEY");
    }
}
