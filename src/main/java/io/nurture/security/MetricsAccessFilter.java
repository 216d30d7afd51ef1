package io.nurture.security;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.nurture.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Behind {@link ApiAuthenticationFilter} on {@code /actuator/*}: health and info stay open (probes and load balancers
 * call them without a login), every other actuator endpoint, such as {@code /actuator/prometheus} with its business
 * figures, is for the groups of {@link ApiAccessRules#METRICS_READERS}.
 */
class MetricsAccessFilter extends OncePerRequestFilter {

    static final Set<String> OPEN = Set.of("/actuator/health", "/actuator/info");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return isOpen(RequestPaths.of(request));
    }

    static boolean isOpen(String path) {
        return OPEN.stream().anyMatch(open -> RequestPaths.isUnder(path, open));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = (String) request.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Set<String> groups = (Set<String>) request.getAttribute(ApiAuthenticationFilter.GROUPS_ATTRIBUTE);
        if (groups == null || ApiAccessRules.METRICS_READERS.stream().noneMatch(groups::contains)) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, RequestPaths.of(request) + " is for the groups "
                    + String.join(", ", ApiAccessRules.METRICS_READERS) + "; '" + user + "' is in none of them",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
