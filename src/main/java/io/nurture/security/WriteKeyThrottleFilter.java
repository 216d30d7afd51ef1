package io.nurture.security;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts the tracking API's 401s (a wrong or missing write key) per client address and, once an address has used its
 * allowance, answers its requests 429 before the key is looked at: guessing keys from one address is slow, and the
 * right key sent from there waits too. Another address is not affected.
 */
class WriteKeyThrottleFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(WriteKeyThrottleFilter.class);

    private final LoginThrottle throttle;

    WriteKeyThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = LoginThrottle.client(request.getRemoteAddr());
        Duration wait = throttle.waitBeforeAttempt(client);
        if (!wait.isZero()) {
            RetryAfter.of(wait).refuse(request, response, "requests with a wrong write key");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value() && throttle.failed(client) == 0) {
            LOG.warn("Write-key throttle: {} has used its allowance of wrong write keys; its tracking requests are "
                    + "answered 429 until failures come back", client);
        }
    }
}
