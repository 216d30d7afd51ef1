package io.nurture.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * A table that grows with traffic and whose owner removes rows past their retention. Implemented by the module that
 * owns the table; {@link NightlyRetention} calls it batch after batch.
 */
public interface PrunableRows {

    /** What the rows are, as the log and {@link NightlyRetention#runOnce} name them: {@code events}. */
    String name();

    /** How long a row is kept; older rows are pruned. */
    Duration retention();

    /**
     * Removes at most {@code limit} rows older than {@code cutoff} in one transaction, keeping whatever aggregates
     * the owner's reports need in that same transaction, and answers how many went: none when nothing (more) can go
     * now. Rows of contacts that another transaction holds are left for the next batch.
     */
    int pruneBatch(Instant cutoff, int limit);
}
