package io.nurture.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * How many requests each client address may make: a Bucket4j token bucket per address, {@code requests} tokens
 * coming back one by one over {@code period}. As in {@link LoginThrottle}, Caffeine forgets a bucket once it would be
 * full again and caps their number, so an attacker who sprays addresses costs bounded memory.
 */
final class AddressRateLimit {

    private final Cache<String, Bucket> buckets;
    private final Bandwidth allowance;
    private final long nanosPerRequest;

    AddressRateLimit(int requests, Duration period) {
        this.allowance = Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build();
        this.nanosPerRequest = period.toNanos() / requests;
        this.buckets = Caffeine.newBuilder().expireAfter(Expiry.accessing(this::untilFull))
                .maximumSize(LoginThrottle.TRACKED_CLIENTS).build();
    }

    /** Takes one request from the client's allowance: zero when it may go on, else how long until one comes back. */
    Duration take(String client) {
        ConsumptionProbe probe = buckets.get(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(allowance).build();
    }

    private Duration untilFull(String client, Bucket bucket) {
        // +1: a token partly back; the bucket is read after this request took its token
        long missing = allowance.getCapacity() - bucket.getAvailableTokens() + 2;
        return Duration.ofNanos(missing * nanosPerRequest);
    }
}
