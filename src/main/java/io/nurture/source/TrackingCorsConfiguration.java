package io.nurture.source;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** CORS on the tracking API ({@code /v1/**}) only: nothing else of Nurture is meant for other sites' pages. */
@Configuration(proxyBeanMethods = false)
class TrackingCorsConfiguration {

    @Bean
    FilterRegistrationBean<TrackingCorsFilter> trackingCors(AllowedOrigins origins) {
        var registration = new FilterRegistrationBean<>(new TrackingCorsFilter(origins));
        registration.setName("tracking-cors");
        registration.addUrlPatterns("/v1/*");
        // before the write-key throttle (+6), so that a browser can read even its 429
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
