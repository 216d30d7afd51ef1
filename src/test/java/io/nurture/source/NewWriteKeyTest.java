package io.nurture.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NewWriteKeyTest {

    @Test
    void aKeyIs32RandomBytesInUrlSafeBase64() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            NewWriteKey key = NewWriteKey.generate();
            assertThat(key.key()).matches("[A-Za-z0-9_-]{43}");
            assertThat(key.hint()).isEqualTo(key.key().substring(0, 4));
            keys.add(key.key());
        }
        assertThat(keys).hasSize(100);
    }

    @Test
    void onlyTheSha256IsKept() {
        NewWriteKey key = new NewWriteKey("id", "abc");
        assertThat(key.hash()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
