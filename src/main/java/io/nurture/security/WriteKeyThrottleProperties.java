package io.nurture.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nurture.security.write-key-throttle.*}: how many requests with a wrong (or no) write key one client address
 * may send to the tracking API before its requests there are answered 429. As with logins, the allowance comes back
 * one failure every {@code period / failures}.
 *
 * @param enabled whether wrong write keys are throttled
 * @param failures requests answered 401 an address may make in a row
 * @param period the time in which a used-up allowance comes back in full
 */
@ConfigurationProperties("nurture.security.write-key-throttle")
record WriteKeyThrottleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20") int failures,
        @DefaultValue("PT5M") Duration period) {

    WriteKeyThrottleProperties {
        if (failures < 1) {
            throw new IllegalArgumentException(
                    "nurture.security.write-key-throttle.failures must be at least 1, not " + failures);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(
                    "nurture.security.write-key-throttle.period must be a positive duration, not " + period);
        }
    }
}
