package io.nurture.form;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * CORS for {@code /f/{form}}, so a site's script may post a form as JSON and read the answer: a browser from one of
 * the form's allowed origins gets its preflight answered and may read the reply. Any other origin gets no CORS
 * headers here and its POST the form's own 403.
 */
@Configuration(proxyBeanMethods = false)
class FormCors {

    @Bean
    FilterRegistrationBean<CorsFilter> formCorsFilter(Forms forms) {
        // the source is no bean of its own: other modules may look up a CorsConfigurationSource by type
        var registration = new FilterRegistrationBean<>(new CorsFilter(new PerForm(forms)));
        registration.setName("form-cors");
        registration.addUrlPatterns("/f/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30); // after the throttle and the body caps
        return registration;
    }

    /** The CORS settings of the form a request is for, when its origin is one of the form's. */
    private record PerForm(Forms forms) implements CorsConfigurationSource {

        @Override
        public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            String origin = request.getHeader(HttpHeaders.ORIGIN);
            return forms.named(path.substring(path.lastIndexOf('/') + 1))
                    .filter(form -> path.equals("/f/" + form.name()) && form.allowsOrigin(origin))
                    .map(PerForm::configuration).orElse(null);
        }

        private static CorsConfiguration configuration(Form form) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOriginPatterns(form.allowedOrigins());
            cors.setAllowedMethods(List.of("POST"));
            cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT));
            cors.setMaxAge(Duration.ofHours(1));
            return cors;
        }
    }
}
