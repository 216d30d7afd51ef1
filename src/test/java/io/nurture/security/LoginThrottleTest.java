package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;

import io.github.bucket4j.TimeMeter;
import io.nurture.security.LoginThrottle.Reservation;

class LoginThrottleTest {

    private final ManualClock clock = new ManualClock();
    /** The shipped allowance: 10 failures, one back every 30 s. */
    private final LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(5), clock, clock);

    @Test
    void anAddressMayFailItsAllowanceAndThenWaitsForOneFailureToComeBack() {
        for (int failure = 1; failure <= 10; failure++) {
            Reservation reservation = throttle.reserve("203.0.113.1");
            assertThat(reservation.allowed()).isTrue();
            assertThat(reservation.failuresLeft()).isEqualTo(10 - failure);
        }

        Reservation refused = throttle.reserve("203.0.113.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertThat(throttle.reserve("203.0.113.1").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.reserve("203.0.113.1").allowed()).isTrue();
        assertThat(throttle.reserve("203.0.113.1").allowed()).as("only one came back").isFalse();
    }

    @Test
    void theWholeAllowanceIsBackAfterAPeriod() {
        exhaust("203.0.113.2");
        clock.advance(Duration.ofMinutes(5));

        for (int failure = 1; failure <= 10; failure++) {
            assertThat(throttle.reserve("203.0.113.2").allowed()).isTrue();
        }
        assertThat(throttle.reserve("203.0.113.2").allowed()).isFalse();
    }

    @Test
    void anAttemptThatDidNotFailCostsNothingAndRestoresNothingMore() {
        for (int success = 0; success < 100; success++) {
            assertThat(throttle.reserve("203.0.113.3").allowed()).isTrue();
            throttle.giveBack("203.0.113.3");
        }
        for (int failure = 1; failure <= 9; failure++) {
            throttle.reserve("203.0.113.3");
        }
        throttle.reserve("203.0.113.3"); // a success among the failures
        throttle.giveBack("203.0.113.3");

        assertThat(throttle.reserve("203.0.113.3").allowed()).as("the tenth failure").isTrue();
        assertThat(throttle.reserve("203.0.113.3").allowed()).isFalse();
    }

    @Test
    void eachAddressHasItsOwnAllowance() {
        exhaust("203.0.113.4");

        assertThat(throttle.reserve("203.0.113.5").allowed()).isTrue();
        assertThat(throttle.reserve("203.0.113.4").allowed()).isFalse();
    }

    @Test
    void anIpv6ClientIsItsSlash64Network() {
        assertThat(LoginThrottle.client("2001:db8:1:2::a")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.client("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"))
                .isEqualTo(LoginThrottle.client("2001:db8:1:2::a"));
        assertThat(LoginThrottle.client("2001:db8:1:3::a")).isNotEqualTo(LoginThrottle.client("2001:db8:1:2::a"));
        assertThat(LoginThrottle.client("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(LoginThrottle.client("203.0.113.9")).isEqualTo("203.0.113.9");

        exhaust(LoginThrottle.client("2001:db8:1:2::a"));
        assertThat(throttle.reserve(LoginThrottle.client("2001:db8:1:2:dead:beef:0:1")).allowed()).isFalse();
    }

    private void exhaust(String client) {
        while (throttle.reserve(client).allowed()) {
            // use up the allowance
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
