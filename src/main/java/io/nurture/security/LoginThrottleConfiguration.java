package io.nurture.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Failed logins throttled per client address on every way in that checks a password (see {@link LoginRequests}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottleConfiguration {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottle(LoginThrottleProperties properties,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        var throttle = new LoginThrottle(properties.failures(), properties.period());
        var registration = new FilterRegistrationBean<>(
                new LoginThrottleFilter(throttle, new LoginRequests(webappPath)));
        registration.setName("login-throttle");
        registration.setEnabled(properties.enabled());
        // ahead of every filter that checks a password (the authentication filters come at +20)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
