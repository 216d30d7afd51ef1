package io.nurture.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts every request of a family of public endpoints per client address and answers 429 once the address has used
 * its {@link AddressRateLimit allowance}, before anything reads the request: a browser gets a short HTML page, every
 * other caller a problem. CORS preflights are not counted (a browser sends one before its real request).
 */
class PublicThrottleFilter extends OncePerRequestFilter {

    private final AddressRateLimit limit;
    private final String what;

    /** {@code what}: the requests counted, as the refusal names them ("form submissions"). */
    PublicThrottleFilter(AddressRateLimit limit, String what) {
        this.limit = limit;
        this.what = what;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "OPTIONS".equalsIgnoreCase(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = limit.take(LoginThrottle.client(request.getRemoteAddr()));
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        RetryAfter retryAfter = RetryAfter.of(wait);
        if (!wantsHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            retryAfter.refuse(request, response, what);
            return;
        }
        retryAfter.setOn(response);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Please wait</title></head><body><h1>Please wait a moment</h1><p>" + retryAfter.detail(what)
                + ".</p></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    /** A browser navigating names text/html; fetch(), scripts and servers ask for JSON or for anything. */
    static boolean wantsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept).stream()
                    .filter(type -> type.getQualityValue() > 0).toList();
            return types.stream().anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML))
                    && types.stream().noneMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
