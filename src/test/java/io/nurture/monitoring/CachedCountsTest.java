package io.nurture.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A scrape storm runs the query once per period; a database that is down costs the scrape its counts, not itself. */
class CachedCountsTest {

    private final AtomicInteger queries = new AtomicInteger();
    private final SteppedClock clock = new SteppedClock();
    private boolean databaseDown;

    private final CachedCounts counts = new CachedCounts("test", () -> {
        queries.incrementAndGet();
        if (databaseDown) {
            throw new IllegalStateException("Connection refused");
        }
        return Map.of("LEAD", (long) queries.get());
    }, Duration.ofSeconds(10), clock);

    @Test
    void scrapesWithinThePeriodShareOneQuery() {
        for (int scrape = 0; scrape < 50; scrape++) {
            assertThat(counts.current()).contains(Map.of("LEAD", 1L));
        }
        clock.advance(Duration.ofSeconds(9));
        assertThat(counts.current()).contains(Map.of("LEAD", 1L));
        assertThat(queries).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(counts.current()).contains(Map.of("LEAD", 2L));
        assertThat(queries).hasValue(2);
    }

    @Test
    void aFailingQueryGivesNoCountsAndIsTriedAgainNextPeriod() {
        counts.current();
        databaseDown = true;
        clock.advance(Duration.ofSeconds(10));

        assertThat(counts.current()).as("no stale figures while the database is down").isEmpty();
        assertThat(counts.current()).isEmpty();
        assertThat(queries).as("not retried on every scrape either").hasValue(2);

        databaseDown = false;
        clock.advance(Duration.ofSeconds(10));
        assertThat(counts.current()).contains(Map.of("LEAD", 3L));
    }

    @Test
    void withoutAPeriodEveryScrapeQueries() {
        CachedCounts uncached = new CachedCounts("test", () -> Map.of("x", (long) queries.incrementAndGet()),
                Duration.ZERO, clock);

        uncached.current();
        uncached.current();

        assertThat(queries).hasValue(2);
    }

    private static final class SteppedClock extends Clock {

        private Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
