package io.nurture.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.security.public-throttle.*}: how many requests one client address may make to the endpoints that
 * take no login, per family, before they are answered 429 with {@code Retry-After}. The allowance comes back
 * gradually, one request every {@code period / requests}.
 *
 * @param forms {@code /f/**}: public form capture; default 5 per minute (a person fills a form a few times, a bot
 *        hundreds)
 * @param links {@code /t/**}: tracking links, the open pixel, unsubscribe and the preference page; default 120 per
 *        minute (a mail client loads several at once, people behind one office address share it)
 */
@ConfigurationProperties("nurture.security.public-throttle")
record PublicThrottleProperties(Allowance forms, Allowance links) {

    PublicThrottleProperties {
        forms = Allowance.orDefault(forms, 5, Duration.ofMinutes(1), "forms");
        links = Allowance.orDefault(links, 120, Duration.ofMinutes(1), "links");
    }

    /**
     * @param enabled whether this family is throttled (off only where a proxy in front already does it)
     * @param requests requests an address may make in a row
     * @param period the time in which a used-up allowance comes back in full
     */
    record Allowance(Boolean enabled, Integer requests, Duration period) {

        static Allowance orDefault(Allowance given, int requests, Duration period, String family) {
            Allowance allowance = given == null ? new Allowance(null, null, null) : given;
            Allowance complete = new Allowance(allowance.enabled == null || allowance.enabled,
                    allowance.requests == null ? requests : allowance.requests,
                    allowance.period == null ? period : allowance.period);
            complete.check("nurture.security.public-throttle." + family);
            return complete;
        }

        private void check(String prefix) {
            if (requests < 1) {
                throw new IllegalArgumentException(prefix + ".requests must be at least 1, not " + requests);
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(prefix + ".period must be a positive duration, not " + period);
            }
        }
    }
}
