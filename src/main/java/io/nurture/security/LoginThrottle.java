package io.nurture.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * The failed logins each client may still make: one Bucket4j token bucket per address, {@code failures} tokens that
 * come back one by one over {@code period}. A bucket untouched for a whole period is full again, so Caffeine forgets
 * it then; the map is capped, so an attacker who sprays addresses costs bounded memory (measured: about 420 bytes
 * per address, 42 MB when full).
 */
final class LoginThrottle {

    static final int TRACKED_CLIENTS = 100_000;

    private final Cache<String, Bucket> buckets;
    private final Bandwidth allowance;
    private final TimeMeter clock;

    LoginThrottle(int failures, Duration period) {
        this(failures, period, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker());
    }

    /** With the clocks of a test. */
    LoginThrottle(int failures, Duration period, TimeMeter clock, Ticker ticker) {
        this.allowance = Bandwidth.builder().capacity(failures).refillGreedy(failures, period).build();
        this.clock = clock;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(TRACKED_CLIENTS).ticker(ticker)
                .build();
    }

    /**
     * Takes one failure from the client's allowance before its password is checked, so that parallel attempts cannot
     * overrun the allowance; {@link #giveBack} returns it when the attempt did not fail. Refused when none is left.
     */
    Reservation reserve(String client) {
        ConsumptionProbe probe = buckets.get(client, this::newBucket).tryConsumeAndReturnRemaining(1);
        return new Reservation(probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** The reserved failure of an attempt that did not fail; a success gives back nothing more than that. */
    void giveBack(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Bucket newBucket(String client) {
        return Bucket.builder().addLimit(allowance).withCustomTimePrecision(clock).build();
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

    /**
     * @param allowed whether the attempt may go ahead (with one failure reserved)
     * @param failuresLeft failures left after this one
     * @param retryAfter when refused, the time until one failure comes back
     */
    record Reservation(boolean allowed, long failuresLeft, Duration retryAfter) {
    }
}
