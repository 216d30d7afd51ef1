package io.nurture.security;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.github.benmanes.caffeine.cache.Ticker;

/** Authentication on the engine's REST API as Camunda Run sets it up, plus Nurture's own API. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ENGINE_REST_PATH = "/engine-rest";

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addInitParameter("rest-url-pattern-prefix", ENGINE_REST_PATH);
        registration.addUrlPatterns(ENGINE_REST_PATH + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService,
            @Value("${nurture.security.api-login-cache:PT10S}") Duration remembered) {
        var registration = new FilterRegistrationBean<>(
                new ApiAuthenticationFilter(identityService, remembered, Ticker.systemTicker()));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*", "/inbox");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Before the login is checked: a forged write is refused whatever credentials the browser sent with it. */
    @Bean
    FilterRegistrationBean<CrossSiteWriteFilter> crossSiteWrites() {
        var registration = new FilterRegistrationBean<>(new CrossSiteWriteFilter());
        registration.setName("cross-site-writes");
        registration.addUrlPatterns("/api/*", "/inbox");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ExpressionQueryGuardFilter> expressionQueryGuard() {
        var registration = new FilterRegistrationBean<>(new ExpressionQueryGuardFilter());
        registration.setName("expression-query-guard");
        registration.addUrlPatterns(ENGINE_REST_PATH + "/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
