package io.nurture.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.nurture.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A browser that once answered Nurture's HTTP Basic prompt (opening the API docs, say) sends those credentials with
 * any site's form post to Nurture too. So a write to {@code /api} that a browser marks as coming from another site's
 * page ({@code Sec-Fetch-Site} cross-site or same-site, or else an {@code Origin} other than the host asked) is refused
 * before it is authenticated. Scripts and integrations send neither header, and Nurture's own pages are same-origin.
 */
class CrossSiteWriteFilter extends OncePerRequestFilter {

    static final String REFUSED = "A write to Nurture's API from another site's page is refused (cross-site request"
            + " forgery); call the API from a script or an integration";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, REFUSED, request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !"same-origin".equalsIgnoreCase(fetchSite) && !"none".equalsIgnoreCase(fetchSite);
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameHost(origin, request.getHeader("Host"));
    }

    /** The origin names the host (and port) the request was sent to; its scheme may differ behind a TLS proxy. */
    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            return host != null && uri.getHost() != null && uri.getRawPath().isEmpty()
                    && (uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort())
                            .equalsIgnoreCase(host);
        } catch (IllegalArgumentException notAnOrigin) {
            return false; // "null" (a sandboxed page, a file) and anything unreadable
        }
    }
}
