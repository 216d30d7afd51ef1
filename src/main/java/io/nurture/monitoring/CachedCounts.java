package io.nurture.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One grouped count query, run at most once per {@code maxAge} however often Prometheus (or several of them) scrape,
 * so a scrape storm cannot load the database. A query that fails (the database is down) gives no counts, and the
 * scrape goes on without them; the failure is logged once until the query works again.
 */
final class CachedCounts {

    private static final Logger log = LoggerFactory.getLogger(CachedCounts.class);

    private final String name;
    private final Supplier<Map<String, Long>> query;
    private final Duration maxAge;
    private final Clock clock;
    private Instant readAt;
    private Optional<Map<String, Long>> counts = Optional.empty();
    private boolean failing;

    CachedCounts(String name, Supplier<Map<String, Long>> query, Duration maxAge, Clock clock) {
        this.name = name;
        this.query = query;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The counts by label value, at most {@code maxAge} old; empty while the query fails. */
    synchronized Optional<Map<String, Long>> current() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(maxAge))) {
            readAt = now;
            counts = read();
        }
        return counts;
    }

    private Optional<Map<String, Long>> read() {
        try {
            Map<String, Long> read = Map.copyOf(query.get());
            if (failing) {
                log.info("The {} metrics can be read again", name);
                failing = false;
            }
            return Optional.of(read);
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("The {} metrics cannot be read, scrapes go on without them: {}", name, e.toString());
                failing = true;
            }
            return Optional.empty();
        }
    }
}
