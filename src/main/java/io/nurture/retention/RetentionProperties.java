package io.nurture.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nurture.retention.*}: how long raw rows are kept, and when and how pruning runs. A retention must be longer
 * than any rule that looks back at those rows (scoring, lifecycle, segments, dormant leads) and than the dedup window
 * of event ids: a pruned event id is accepted again.
 *
 * @param events       {@code contact_event} rows, by {@code occurred_at}; per day, type and contact a count stays
 * @param deliveries   {@code delivery} rows, by {@code created_at}; per day, campaign, step, branch and contact their
 *                     figures stay, and per A/B branch its sends, opens and clicks
 * @param scoreHistory {@code score_history} rows, by {@code at}
 * @param cron         when the nightly run starts, in the server's time zone (as the engine's batch window)
 * @param maxRun       how long one run may prune before it stops and leaves the rest to the next night
 * @param batchSize    rows per transaction
 */
@ConfigurationProperties("nurture.retention")
public record RetentionProperties(@DefaultValue("P400D") Duration events, @DefaultValue("P400D") Duration deliveries,
        @DefaultValue("P400D") Duration scoreHistory,
        @DefaultValue("0 30 1 * * *") String cron, @DefaultValue("PT3H") Duration maxRun,
        @DefaultValue("1000") int batchSize) {

    public RetentionProperties {
        for (Duration retention : new Duration[] { events, deliveries, scoreHistory }) {
            if (retention.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalStateException("nurture.retention: a retention must be at least a day, was "
                        + retention);
            }
        }
        if (maxRun.isNegative() || maxRun.isZero() || batchSize < 1 || batchSize > 10_000) {
            throw new IllegalStateException("nurture.retention: max-run must be positive and batch-size 1 to 10000,"
                    + " were " + maxRun + " and " + batchSize);
        }
    }
}
