package io.nurture.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.nurture.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps every request body at its endpoint family's {@link RequestBodyLimits limit} before anything parses it. A
 * declared {@code Content-Length} over the limit is refused at once (413), unread; the container reads no more than
 * a declared length. A body of unknown length (chunked) is read here, counted while it arrives, and refused with 413
 * as soon as it passes the limit, so it is never buffered beyond it; form and multipart bodies, which the container
 * parses itself, must declare their length (411).
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final RequestBodyLimits limits;

    RequestBodyLimitFilter(RequestBodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestBodyLimits.Limit limit = limits.forPath(RequestPaths.of(request), request.getContentType());
        long declared = request.getContentLengthLong();
        if (declared > limit.bytes()) {
            tooLarge(request, response, limit);
            return;
        }
        if (declared >= 0 || !mayHaveBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (parsedByTheContainer(request.getContentType())) {
            ProblemResponses.write(response, HttpStatus.LENGTH_REQUIRED,
                    "A form or multipart request body must declare its Content-Length", request.getRequestURI());
            return;
        }
        CachedBodyRequest counted;
        try {
            counted = CachedBodyRequest.readAtMost(request, limit.bytes());
        } catch (BodyTooLargeException e) {
            tooLarge(request, response, limit);
            return;
        }
        chain.doFilter(counted, response);
    }

    private static boolean mayHaveBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null
                || !WITHOUT_BODY.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    private static boolean parsedByTheContainer(String contentType) {
        return RequestBodyLimits.isMultipart(contentType) || (contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"));
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response,
            RequestBodyLimits.Limit limit) throws IOException {
        ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limit.describe(), request.getRequestURI());
    }
}
