package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The settings of {@code nurture.security.public-throttle} and which callers get the HTML refusal. */
class PublicThrottleTest {

    @Test
    void unsetFamiliesGetTheirDefaults() {
        PublicThrottleProperties properties = new PublicThrottleProperties(null,
                new PublicThrottleProperties.Allowance(false, null, null));

        assertThat(properties.forms()).isEqualTo(new PublicThrottleProperties.Allowance(true, 5, Duration.ofMinutes(1)));
        assertThat(properties.links()).isEqualTo(
                new PublicThrottleProperties.Allowance(false, 120, Duration.ofMinutes(1)));
    }

    @Test
    void anAllowanceOfNothingIsRefusedByName() {
        assertThatThrownBy(() -> new PublicThrottleProperties(new PublicThrottleProperties.Allowance(true, 0, null),
                null)).hasMessageContaining("nurture.security.public-throttle.forms.requests must be at least 1");
        assertThatThrownBy(() -> new PublicThrottleProperties(null,
                new PublicThrottleProperties.Allowance(true, 10, Duration.ZERO)))
                .hasMessageContaining("nurture.security.public-throttle.links.period must be a positive duration");
    }

    @Test
    void browsersGetAPageScriptsAProblem() {
        assertThat(PublicThrottleFilter.wantsHtml(
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8")).isTrue();
        assertThat(PublicThrottleFilter.wantsHtml("*/*")).isFalse();
        assertThat(PublicThrottleFilter.wantsHtml(null)).isFalse();
        assertThat(PublicThrottleFilter.wantsHtml("application/json")).isFalse();
        assertThat(PublicThrottleFilter.wantsHtml("text/html, application/json")).isFalse();
        assertThat(PublicThrottleFilter.wantsHtml("text/html;q=0")).isFalse();
        assertThat(PublicThrottleFilter.wantsHtml("not a media type;;")).isFalse();
    }
}
