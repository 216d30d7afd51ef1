package io.nurture.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The SDR SLA counts business days, Monday to Friday, in its time zone. */
class SdrSlaTest {

    private final SdrSla sla = new SdrSla(1, 2, ZoneId.of("UTC"));

    @Test
    void oneBusinessDayIsTheNextWorkingDayAtTheSameTime() {
        assertThat(sla.dueDate(Instant.parse("2026-11-23T10:00:00Z")).toInstant()) // Monday
                .isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(sla.dueDate(Instant.parse("2026-11-27T16:30:00Z")).toInstant()) // Friday
                .isEqualTo(Instant.parse("2026-11-30T16:30:00Z"));
        assertThat(sla.dueDate(Instant.parse("2026-11-28T09:00:00Z")).toInstant()) // Saturday
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(sla.returnToPoolDate(Instant.parse("2026-11-26T10:00:00Z")).toInstant()) // Thursday
                .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void theReturnToThePoolMustComeAfterTheDueDate() {
        assertThatThrownBy(() -> new SdrSla(2, 2, ZoneId.of("UTC"))).hasMessageContaining(
                "return-to-pool-business-days greater than it");
    }
}
