package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

class LoginThrottleConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(UserConfigurations.of(LoginThrottleConfiguration.class));

    @Test
    void isOnByDefaultWithTenFailuresPerFiveMinutes() {
        context.run(started -> {
            assertThat(started.getBean(FilterRegistrationBean.class).isEnabled()).isTrue();
            LoginThrottleProperties properties = started.getBean(LoginThrottleProperties.class);
            assertThat(properties.failures()).isEqualTo(10);
            assertThat(properties.period()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void canBeSwitchedOff() {
        context.withPropertyValues("nurture.security.login-throttle.enabled=false")
                .run(started -> assertThat(started.getBean(FilterRegistrationBean.class).isEnabled()).isFalse());
    }

    @Test
    void aNonsensicalAllowanceStopsTheStartNamingTheKey() {
        context.withPropertyValues("nurture.security.login-throttle.failures=0").run(started -> assertThat(
                started.getStartupFailure()).rootCause().hasMessageContaining("nurture.security.login-throttle.failures"));
        context.withPropertyValues("nurture.security.login-throttle.period=0s").run(started -> assertThat(
                started.getStartupFailure()).rootCause().hasMessageContaining("nurture.security.login-throttle.period"));
    }
}
