package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.nurture.web.InvalidInputException;

class ReportPeriodTest {

    private static final Clock NOV_23 = Clock.fixed(Instant.parse("2026-11-23T18:00:00Z"), ZoneOffset.UTC);

    @Test
    void withoutDatesTheLastDaysUpToToday() {
        ReportPeriod period = ReportPeriod.parse(null, " ", 30, NOV_23);

        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(period.to()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(period.days()).isEqualTo(30);
        assertThat(period.start().toInstant()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(period.end().toInstant()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void aMissingStartCountsBackFromTheGivenEnd() {
        assertThat(ReportPeriod.parse(null, "2026-03-31", 31, NOV_23).from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ReportPeriod.parse("2026-03-05", "2026-03-05", 30, NOV_23).days()).isEqualTo(1);
    }

    @Test
    void badDatesAreInvalidInput() {
        assertThatThrownBy(() -> ReportPeriod.parse("2026-02-30", null, 30, NOV_23))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'from' must be a date");
        assertThatThrownBy(() -> ReportPeriod.parse(null, "23.11.2026", 30, NOV_23))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'to' must be a date");
        assertThatThrownBy(() -> ReportPeriod.parse("2026-11-02", "2026-11-01", 30, NOV_23))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be after");
        assertThatThrownBy(() -> ReportPeriod.parse("2000-01-01", "2026-11-01", 30, NOV_23))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most");
    }

    @Test
    void aPeriodLiesWhereTheDatabaseCanHoldItsTimestamps() {
        assertThat(ReportPeriod.parse("2000-01-01", "2000-01-31", 30, NOV_23).days()).isEqualTo(31);
        assertThat(ReportPeriod.parse("9999-12-01", "9999-12-31", 30, NOV_23).end()).isNotNull();
        assertThatThrownBy(() -> ReportPeriod.parse("1999-12-01", "1999-12-31", 30, NOV_23))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must lie between 2000-01-01");
        assertThatThrownBy(() -> ReportPeriod.parse("-999999999-01-01", "-999999999-01-05", 30, NOV_23))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must lie between");
        assertThatThrownBy(() -> ReportPeriod.parse(null, "-999999999-01-01", 30, NOV_23))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must lie between");
        assertThatThrownBy(() -> ReportPeriod.parse("+999999999-12-01", "+999999999-12-31", 30, NOV_23))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must lie between");
    }
}
