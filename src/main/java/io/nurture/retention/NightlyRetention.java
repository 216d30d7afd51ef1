package io.nurture.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prunes every {@link PrunableRows} each night, on the node that holds the lease, batch after batch until nothing
 * more can go or {@code max-run} has passed. Each batch is its own short transaction, so ingestion goes on meanwhile.
 */
@Component
public class NightlyRetention {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyRetention.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final List<PrunableRows> tables;
    private final RetentionLease lease;
    private final RetentionProperties properties;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();

    NightlyRetention(List<PrunableRows> tables, RetentionLease lease, RetentionProperties properties) {
        this.tables = tables;
        this.lease = lease;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(cron = "${nurture.retention.cron:0 30 1 * * *}")
    void nightly() {
        Map<String, Long> pruned = runOnce();
        if (!pruned.isEmpty()) {
            LOG.info("Retention: pruned {}", pruned);
        }
    }

    /**
     * One run now: the rows pruned per {@link PrunableRows#name()}, or nothing when another node holds the lease.
     */
    public Map<String, Long> runOnce() {
        Instant start = clock.instant();
        if (!lease.tryAcquire(node, start, start.plus(LEASE))) {
            LOG.info("Retention: another node is pruning");
            return Map.of();
        }
        Instant stopAt = start.plus(properties.maxRun());
        Map<String, Long> pruned = new LinkedHashMap<>();
        try {
            for (PrunableRows table : tables) {
                Instant cutoff = start.minus(table.retention());
                pruned.put(table.name(), 0L);
                int batch;
                while ((batch = table.pruneBatch(cutoff, properties.batchSize())) > 0) {
                    pruned.merge(table.name(), (long) batch, Long::sum);
                    Instant now = clock.instant();
                    if (!now.isBefore(stopAt) || !lease.renew(node, now.plus(LEASE))) {
                        LOG.info("Retention: stopped after {} (max-run or lease lost), the rest goes next night",
                                pruned);
                        return pruned;
                    }
                }
            }
        } finally {
            lease.release(node);
        }
        return pruned;
    }
}
