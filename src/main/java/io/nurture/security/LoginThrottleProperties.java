package io.nurture.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nurture.security.login-throttle.*}: how many failed logins one client address may make before its login
 * attempts are answered 429. The allowance comes back gradually, one failure every {@code period / failures}, so a
 * throttled client waits seconds, not the whole period.
 *
 * @param enabled whether failed logins are throttled (off only where a proxy in front already does it)
 * @param failures failed logins an address may make in a row
 * @param period the time in which a used-up allowance comes back in full
 */
@ConfigurationProperties("nurture.security.login-throttle")
record LoginThrottleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10") int failures,
        @DefaultValue("PT5M") Duration period) {

    LoginThrottleProperties {
        if (failures < 1) {
            throw new IllegalArgumentException(
                    "nurture.security.login-throttle.failures must be at least 1, not " + failures);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(
                    "nurture.security.login-throttle.period must be a positive duration, not " + period);
        }
    }
}
