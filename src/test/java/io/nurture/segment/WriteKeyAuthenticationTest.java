package io.nurture.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nurture.NurtureClient;

class WriteKeyAuthenticationTest {

    @Test
    void theKeyIsTheBasicUserNameWhateverThePassword() {
        assertThat(WriteKeyAuthentication.keyOfHeader(NurtureClient.basic("key-1", ""))).isEqualTo("key-1");
        assertThat(WriteKeyAuthentication.keyOfHeader(NurtureClient.basic("key-1", "anything"))).isEqualTo("key-1");
        assertThat(WriteKeyAuthentication.keyOfHeader("basic " + java.util.Base64.getEncoder()
                .encodeToString("key-2".getBytes()))).as("no colon at all").isEqualTo("key-2");
    }

    @Test
    void noBasicHeaderLeavesTheBodyToNameTheKey() {
        assertThat(WriteKeyAuthentication.keyOfHeader(null)).isNull();
        assertThat(WriteKeyAuthentication.keyOfHeader("Bearer key-1")).isNull();
    }

    @Test
    void aBrokenBasicHeaderIsNoKey() {
        assertThat(WriteKeyAuthentication.keyOfHeader("Basic %%%")).isEmpty();
    }
}
