package io.nurture.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

/**
 * The failed logins each client may still make: a Bucket4j token bucket per address that has failed, {@code failures}
 * tokens coming back one by one over {@code period}. Caffeine forgets a bucket once it would be full again (an
 * address without a bucket has its whole allowance), and caps their number, so an attacker who sprays addresses
 * costs bounded memory (measured: about 420 bytes per address, 42 MB when full).
 */
final class LoginThrottle {

    static final int TRACKED_CLIENTS = 100_000;

    private final Cache<String, Bucket> buckets;
    private final Bandwidth allowance;
    private final long nanosPerFailure;
    private final TimeMeter clock;

    LoginThrottle(int failures, Duration period) {
        this(failures, period, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker());
    }

    /** With the clocks of a test. */
    LoginThrottle(int failures, Duration period, TimeMeter clock, Ticker ticker) {
        this.allowance = Bandwidth.builder().capacity(failures).refillGreedy(failures, period).build();
        this.nanosPerFailure = period.toNanos() / failures;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder().expireAfter(Expiry.writing(this::untilFull))
                .maximumSize(TRACKED_CLIENTS).ticker(ticker).build();
    }

    /** Zero while the client has failures left; else how long until one comes back. */
    Duration waitBeforeAttempt(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket == null) {
            return Duration.ZERO;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /**
     * Counts a failed login. Attempts made in parallel were all let in and may take the allowance below zero; the
     * client then waits until that is paid back, so in the long run it fails no more often than allowed.
     *
     * @return the failures the client has left, zero or less when it must wait now
     */
    long failed(String client) {
        Bucket bucket = buckets.asMap().compute(client, (key, existing) -> {
            Bucket charged = existing == null ? newBucket() : existing;
            charged.consumeIgnoringRateLimits(1);
            return charged; // written back, so the bucket is kept until it is full again
        });
        return bucket.getAvailableTokens();
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(allowance).withCustomTimePrecision(clock).build();
    }

    private Duration untilFull(String client, Bucket bucket) {
        long missing = allowance.getCapacity() - bucket.getAvailableTokens() + 1; // +1: a token partly back
        return Duration.ofNanos(missing * nanosPerFailure);
    }

    /**
     * The client an address belongs to: an IPv4 address itself, an IPv6 address its /64 network, which is what one
     * household or server is given (it could otherwise try from 2^64 addresses).
     */
    static String client(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            byte[] address = InetAddress.getByName(remoteAddress).getAddress(); // a literal: no name lookup
            if (address.length != 16) {
                return InetAddress.getByAddress(address).getHostAddress(); // IPv4-mapped
            }
            Arrays.fill(address, 8, 16, (byte) 0);
            return InetAddress.getByAddress(address).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return remoteAddress;
        }
    }
}
