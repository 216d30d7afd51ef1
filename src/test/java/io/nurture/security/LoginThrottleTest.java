package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;

import io.github.bucket4j.TimeMeter;

class LoginThrottleTest {

    private final ManualClock clock = new ManualClock();
    /** The shipped allowance: 10 failures, one back every 30 s. */
    private final LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(5), clock, clock);

    @Test
    void anAddressMayFailItsAllowanceAndThenWaitsForOneFailureToComeBack() {
        for (int failure = 1; failure <= 10; failure++) {
            assertThat(throttle.waitBeforeAttempt("203.0.113.1")).isZero();
            assertThat(throttle.failed("203.0.113.1")).isEqualTo(10 - failure);
        }

        assertThat(throttle.waitBeforeAttempt("203.0.113.1")).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(throttle.waitBeforeAttempt("203.0.113.1")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitBeforeAttempt("203.0.113.1")).isZero();
        throttle.failed("203.0.113.1");
        assertThat(throttle.waitBeforeAttempt("203.0.113.1")).as("only one came back")
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theWholeAllowanceIsBackAfterAPeriod() {
        fail("203.0.113.2", 10);
        clock.advance(Duration.ofMinutes(5));

        for (int failure = 1; failure <= 10; failure++) {
            assertThat(throttle.waitBeforeAttempt("203.0.113.2")).isZero();
            throttle.failed("203.0.113.2");
        }
        assertThat(throttle.waitBeforeAttempt("203.0.113.2")).isPositive();
    }

    @Test
    void failuresOfAttemptsLetInTogetherAreAllPaidBackEvenAfterAPeriod() {
        fail("203.0.113.3", 30); // thirty parallel attempts, all let in before the first one failed

        assertThat(throttle.waitBeforeAttempt("203.0.113.3")).isEqualTo(Duration.ofSeconds(21 * 30));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.waitBeforeAttempt("203.0.113.3")).as("the debt is not forgotten with the period")
                .isEqualTo(Duration.ofSeconds(11 * 30));
        clock.advance(Duration.ofSeconds(11 * 30));
        assertThat(throttle.waitBeforeAttempt("203.0.113.3")).isZero();
    }

    @Test
    void eachAddressHasItsOwnAllowance() {
        fail("203.0.113.4", 10);

        assertThat(throttle.waitBeforeAttempt("203.0.113.5")).isZero();
        assertThat(throttle.waitBeforeAttempt("203.0.113.4")).isPositive();
    }

    @Test
    void anIpv6ClientIsItsSlash64Network() {
        assertThat(LoginThrottle.client("2001:db8:1:2::a")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.client("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"))
                .isEqualTo(LoginThrottle.client("2001:db8:1:2::a"));
        assertThat(LoginThrottle.client("2001:db8:1:3::a")).isNotEqualTo(LoginThrottle.client("2001:db8:1:2::a"));
        assertThat(LoginThrottle.client("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(LoginThrottle.client("203.0.113.9")).isEqualTo("203.0.113.9");

        fail(LoginThrottle.client("2001:db8:1:2::a"), 10);
        assertThat(throttle.waitBeforeAttempt(LoginThrottle.client("2001:db8:1:2:dead:beef:0:1"))).isPositive();
    }

    private void fail(String client, int times) {
        for (int failure = 0; failure < times; failure++) {
            throttle.failed(client);
        }
    }

    /** Bucket4j's and Caffeine's clock at once, moved by the test. */
    static final class ManualClock implements TimeMeter, Ticker {

        private long nanos = 1_000_000_000L;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        @Override
        public long read() {
            return nanos;
        }
    }
}
