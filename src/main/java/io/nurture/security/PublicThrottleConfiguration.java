package io.nurture.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The endpoints without a login, {@code /f/*} and {@code /t/*}, throttled per client address. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicThrottleProperties.class)
class PublicThrottleConfiguration {

    @Bean
    FilterRegistrationBean<PublicThrottleFilter> formThrottle(PublicThrottleProperties properties) {
        return registration("form-throttle", properties.forms(), "form submissions", "/f/*");
    }

    @Bean
    FilterRegistrationBean<PublicThrottleFilter> linkThrottle(PublicThrottleProperties properties) {
        return registration("link-throttle", properties.links(), "requests to tracking links", "/t/*");
    }

    private static FilterRegistrationBean<PublicThrottleFilter> registration(String name,
            PublicThrottleProperties.Allowance allowance, String what, String urlPattern) {
        var limit = new AddressRateLimit(allowance.requests(), allowance.period());
        var registration = new FilterRegistrationBean<>(new PublicThrottleFilter(limit, what));
        registration.setName(name);
        registration.addUrlPatterns(urlPattern);
        registration.setEnabled(allowance.enabled());
        // right after the body caps, before anything reads the request
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        return registration;
    }
}
