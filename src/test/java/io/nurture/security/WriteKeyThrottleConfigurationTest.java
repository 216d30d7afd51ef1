package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

class WriteKeyThrottleConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(UserConfigurations.of(WriteKeyThrottleConfiguration.class));

    @Test
    void isOnByDefaultWithTwentyFailuresPerFiveMinutesOnTheTrackingApiOnly() {
        context.run(started -> {
            FilterRegistrationBean<?> registration = started.getBean(FilterRegistrationBean.class);
            assertThat(registration.isEnabled()).isTrue();
            assertThat(registration.getUrlPatterns()).containsExactly("/v1/*");
            WriteKeyThrottleProperties properties = started.getBean(WriteKeyThrottleProperties.class);
            assertThat(properties.failures()).isEqualTo(20);
            assertThat(properties.period()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void canBeSwitchedOff() {
        context.withPropertyValues("nurture.security.write-key-throttle.enabled=false")
                .run(started -> assertThat(started.getBean(FilterRegistrationBean.class).isEnabled()).isFalse());
    }

    @Test
    void aNonsensicalAllowanceStopsTheStartNamingTheKey() {
        context.withPropertyValues("nurture.security.write-key-throttle.failures=0").run(started -> assertThat(
                started.getStartupFailure()).rootCause()
                .hasMessageContaining("nurture.security.write-key-throttle.failures"));
        context.withPropertyValues("nurture.security.write-key-throttle.period=-1s").run(started -> assertThat(
                started.getStartupFailure()).rootCause()
                .hasMessageContaining("nurture.security.write-key-throttle.period"));
    }
}
