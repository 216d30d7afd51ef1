package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AddressRateLimitTest {

    @Test
    void anAddressMakesItsAllowanceThenWaitsWhileOthersGoOn() {
        AddressRateLimit limit = new AddressRateLimit(3, Duration.ofHours(1));

        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("198.51.100.7")).isZero();
        }
        Duration wait = limit.take("198.51.100.7");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20)); // one back every 20 minutes
        assertThat(limit.take("198.51.100.8")).as("another address").isZero();
    }
}
