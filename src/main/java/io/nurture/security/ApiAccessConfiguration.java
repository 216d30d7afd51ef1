package io.nurture.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every handler passes the access check; it decides itself which ones it guards (see {@link ApiAccessRules}). */
@Configuration(proxyBeanMethods = false)
class ApiAccessConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiAccessInterceptor());
    }
}
