package io.nurture.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /actuator/*} besides health and info takes HTTP Basic of a user in {@code monitoring} or {@code camunda-admin}
 * (Prometheus scrapes with basic auth), unless {@code nurture.metrics.public=true} says the metrics may be read by
 * anyone who reaches the port (e.g. behind a network that only the scraper reaches).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nurture.metrics.public", havingValue = "false", matchIfMissing = true)
class MetricsAccessConfiguration {

    private static final String ACTUATOR = "/actuator/*";

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthentication(IdentityService identityService) {
        // health and info answer without a login, whatever the request carries
        ApiAuthenticationFilter authentication = new ApiAuthenticationFilter(identityService) {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return MetricsAccessFilter.isOpen(RequestPaths.of(request));
            }
        };
        var registration = new FilterRegistrationBean<>(authentication);
        registration.setName("actuator-authentication");
        registration.addUrlPatterns(ACTUATOR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MetricsAccessFilter> actuatorAccess() {
        var registration = new FilterRegistrationBean<>(new MetricsAccessFilter());
        registration.setName("actuator-access");
        registration.addUrlPatterns(ACTUATOR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }
}
