package io.nurture.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SendPolicyTest {

    @Test
    void quietHoursMayWrapAroundMidnight() {
        SendPolicy overnight = policy(LocalTime.of(21, 0), LocalTime.of(8, 0));
        assertThat(overnight.isQuiet(LocalTime.of(20, 59))).isFalse();
        assertThat(overnight.isQuiet(LocalTime.of(21, 0))).isTrue();
        assertThat(overnight.isQuiet(LocalTime.of(3, 0))).isTrue();
        assertThat(overnight.isQuiet(LocalTime.of(8, 0))).isFalse();

        SendPolicy lunch = policy(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.isQuiet(LocalTime.of(12, 30))).isTrue();
        assertThat(lunch.isQuiet(LocalTime.of(23, 0))).isFalse();
    }

    private static SendPolicy policy(LocalTime from, LocalTime until) {
        return new SendPolicy(null, null, null, 3, Duration.ofDays(7), from, until, ZoneOffset.UTC);
    }
}
