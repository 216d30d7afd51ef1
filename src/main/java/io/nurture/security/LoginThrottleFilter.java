package io.nurture.security;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts failed logins per client address and answers 429 once an address has used its allowance, before Camunda
 * checks the password: no lock counter of the account moves, and a guess from there learns nothing. A failure is a
 * login answered 401 (or an {@code identity/verify} that says "not authenticated"); successes are not counted and
 * restore nothing, so an attacker with one valid account cannot refill its own allowance, and an integration may
 * send as many requests in parallel as it likes.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoginThrottle throttle;
    private final LoginRequests logins;

    LoginThrottleFilter(LoginThrottle throttle, LoginRequests logins) {
        this.throttle = throttle;
        this.logins = logins;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !logins.checksPassword(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = LoginThrottle.client(request.getRemoteAddr());
        Duration wait = throttle.waitBeforeAttempt(client);
        if (!wait.isZero()) {
            refuse(request, response, wait);
            return;
        }
        boolean failed = logins.isIdentityVerify(request) ? verifyFailed(request, response, chain)
                : loginFailed(request, response, chain);
        if (failed && throttle.failed(client) == 0) {
            LOG.warn("Login throttle: {} has used its allowance of failed logins; its logins are answered 429 "
                    + "until failures come back", client);
        }
    }

    private static boolean loginFailed(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        return response.getStatus() == HttpStatus.UNAUTHORIZED.value();
    }

    private static boolean verifyFailed(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                return true;
            }
            if (answer.getStatus() != HttpStatus.OK.value()) {
                return false;
            }
            JsonNode result = JSON.readTree(answer.getContentAsByteArray());
            return result != null && !result.path("authenticated").asBoolean(false);
        } finally {
            answer.copyBodyToResponse();
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        RetryAfter.of(wait).refuse(request, response, "failed logins");
    }
}
