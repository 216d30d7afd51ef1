package io.nurture.reporting;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

    @Bean
    FilterRegistrationBean<DashboardAccessFilter> dashboardAccess(ReportingProperties properties) {
        var registration = new FilterRegistrationBean<>(new DashboardAccessFilter(properties.dashboardGroups()));
        registration.setName("dashboard-access");
        registration.addUrlPatterns("/dashboard", "/dashboard/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
