package io.nurture.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.nurture.TablesTest;

/** One node prunes at a time: the lease row on the migrated schema. */
@TablesTest
@Import(RetentionLease.class)
class RetentionLeaseTest {

    private static final Instant NOW = Instant.parse("2026-12-03T01:30:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Autowired
    RetentionLease lease;

    @Test
    void whileOneNodeHoldsTheLeaseNoOtherTakesItAndAReleasedLeaseIsFree() {
        assertThat(lease.tryAcquire("node-a", NOW, NOW.plus(LEASE))).isTrue();

        assertThat(lease.tryAcquire("node-b", NOW.plusSeconds(60), NOW.plusSeconds(60).plus(LEASE))).isFalse();
        assertThat(lease.renew("node-b", NOW.plus(LEASE))).as("only the holder renews").isFalse();
        assertThat(lease.renew("node-a", NOW.plusSeconds(60).plus(LEASE))).isTrue();

        lease.release("node-a");
        assertThat(lease.tryAcquire("node-b", NOW.plusSeconds(120), NOW.plusSeconds(120).plus(LEASE))).isTrue();
    }

    @Test
    void theLeaseOfANodeThatDiedLapses() {
        assertThat(lease.tryAcquire("node-a", NOW, NOW.plus(LEASE))).isTrue();

        assertThat(lease.tryAcquire("node-b", NOW.plus(LEASE).plusSeconds(1), NOW.plus(LEASE).plus(LEASE))).isTrue();
        assertThat(lease.renew("node-a", NOW.plus(LEASE).plus(LEASE))).as("its lease is gone").isFalse();
    }
}
