package io.nurture.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wrong write keys throttled per client address on the tracking API ({@code /v1/**}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WriteKeyThrottleProperties.class)
class WriteKeyThrottleConfiguration {

    @Bean
    FilterRegistrationBean<WriteKeyThrottleFilter> writeKeyThrottle(WriteKeyThrottleProperties properties) {
        var throttle = new LoginThrottle(properties.failures(), properties.period());
        var registration = new FilterRegistrationBean<>(new WriteKeyThrottleFilter(throttle));
        registration.setName("write-key-throttle");
        registration.addUrlPatterns("/v1/*");
        registration.setEnabled(properties.enabled());
        // after the tracking API's CORS (+3), so that a browser can read the 429
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        return registration;
    }
}
