package io.nurture.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

import io.nurture.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CORS of the tracking API: a browser on a page of one of the sources' origins may post events and read the answer.
 * The origin is echoed (never {@code *}), without credentials (no cookie is ever needed: the write key is in the
 * request), and every answer varies by {@code Origin}. Another origin gets no CORS header, and its preflight is
 * refused; its simple requests go on to the tracking API, which refuses an origin its key's source does not list.
 * The allowed origins are read at each cross-origin request, so a source created a moment ago is allowed at once.
 */
class TrackingCorsFilter extends OncePerRequestFilter {

    private static final List<String> METHODS = List.of("POST");
    /** analytics.js sends its write key as Basic auth and marks a retried post with X-Retry-Count. */
    private static final List<String> HEADERS = List.of("Content-Type", "Authorization", "X-Retry-Count");
    private static final long PREFLIGHT_CACHE_SECONDS = 600;

    private final AllowedOrigins origins;
    private final CorsProcessor processor = new ProblemCorsProcessor();

    TrackingCorsFilter(AllowedOrigins origins) {
        this.origins = origins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CorsConfiguration allowed = crossOrigin(request) ? configurationFor(request.getHeader("Origin")) : null;
        processor.processRequest(allowed, request, response); // adds Vary: Origin in any case
        if (!CorsUtils.isPreFlightRequest(request)) {
            chain.doFilter(request, response);
        } else if (allowed == null) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "The request's Origin is not an allowed origin of "
                    + "any source; an admin lists a site's origins with its source", request.getRequestURI());
        }
        // an allowed preflight is answered by the processor's headers alone; a refused one by the processor
    }

    /** Refuses a preflight for another method or header with a problem body, like every refusal of Nurture's. */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"The tracking API takes POST with the headers Content-Type, Authorization and "
                    + "X-Retry-Count "
                    + "from a source's origins\"}").getBytes(StandardCharsets.UTF_8));
            response.flush();
        }
    }

    /** A malformed {@code Origin} counts as another site's. */
    private static boolean crossOrigin(HttpServletRequest request) {
        try {
            return CorsUtils.isCorsRequest(request);
        } catch (IllegalArgumentException malformedOrigin) {
            return true;
        }
    }

    private CorsConfiguration configurationFor(String origin) {
        if (!origins.allow(origin)) {
            return null;
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of(origin));
        configuration.setAllowedMethods(METHODS);
        configuration.setAllowedHeaders(HEADERS);
        configuration.setExposedHeaders(List.of("Retry-After"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(PREFLIGHT_CACHE_SECONDS);
        return configuration;
    }
}
