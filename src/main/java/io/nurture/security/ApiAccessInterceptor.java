package io.nurture.security;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import io.nurture.security.ApiAccessRules.Rule;
import io.nurture.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks {@link ApiAccessRules} once Spring has chosen the handler, so the rule is matched against the mapping that
 * will really run, whatever the spelling of the request path. Static files under {@code /api} (Swagger UI's) have
 * rules too.
 */
class ApiAccessInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod || handler instanceof ResourceHttpRequestHandler)
                || !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)
                || !ApiAccessRules.guards(pattern)) {
            return true;
        }
        String user = (String) request.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Set<String> groups = (Set<String>) request.getAttribute(ApiAuthenticationFilter.GROUPS_ATTRIBUTE);
        if (user == null || groups == null) {
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
                    ApiAuthenticationFilter.CREDENTIALS_REQUIRED, request.getRequestURI());
            return false;
        }
        String method = request.getMethod();
        Rule rule = ApiAccessRules.find(method, pattern).orElse(null);
        if (rule == null) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN,
                    method + " " + pattern + " is open to no group", request.getRequestURI());
            return false;
        }
        if (!rule.allows(groups)) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, method + " " + pattern + " is for the groups "
                    + String.join(", ", rule.groups()) + "; '" + user + "' is in none of them",
                    request.getRequestURI());
            return false;
        }
        return true;
    }
}
