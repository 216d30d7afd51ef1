package io.nurture.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TrackingLinksTest {

    private final TrackingLinks links = new TrackingLinks("https://t.example/", "secret");

    @Test
    void aLinkIsSignedOverWhatItDoesTheDeliveryAndTheTarget() {
        String click = links.forDelivery("d-1").click("https://nurture.example/a?b=c&d=e");
        URI uri = URI.create(click);
        assertThat(uri.getPath()).isEqualTo("/t/click/d-1");
        String signature = uri.getQuery().replaceAll(".*s=", "");
        String target = URLDecoder.decode(uri.getRawQuery().replaceAll("^u=|&s=.*$", ""), StandardCharsets.UTF_8);

        assertThat(target).isEqualTo("https://nurture.example/a?b=c&d=e");
        assertThat(links.verify(signature, "click", "d-1", target)).isTrue();
        assertThat(links.verify(signature, "click", "d-2", target)).isFalse();
        assertThat(links.verify(signature, "click", "d-1", "https://evil.example/")).isFalse();
        assertThat(links.verify(signature, "unsubscribe", "d-1")).isFalse();
        assertThat(links.verify(null, "click", "d-1", target)).isFalse();
    }

    @Test
    void anotherSecretSignsDifferently() {
        assertThat(new TrackingLinks("https://t.example", "other").sign("open", "d-1"))
                .isNotEqualTo(links.sign("open", "d-1"));
        assertThatThrownBy(() -> new TrackingLinks("https://t.example", " ")).hasMessageContaining("secret");
    }
}
