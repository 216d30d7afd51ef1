package io.nurture.retention;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One node at a time prunes: the one whose conditional update took the lease row. The lease runs out by itself, so a
 * node that dies mid-run blocks the others only until then; a running node renews it after every batch. Nodes'
 * clocks are assumed to agree within minutes (NTP), as the engine's job locks assume too.
 */
@Repository
class RetentionLease {

    private static final String NIGHTLY = "nightly";

    private final JdbcClient jdbc;

    RetentionLease(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lease until {@code until} if nobody holds it at {@code now}. */
    boolean tryAcquire(String holder, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE retention_lease SET holder = :holder, locked_until = :until
                WHERE name = :name AND (locked_until IS NULL OR locked_until < :now)""")
                .param("holder", holder).param("until", Timestamp.from(until)).param("now", Timestamp.from(now))
                .param("name", NIGHTLY).update() == 1;
    }

    /** Extends the lease; false when it ran out and another node took it. */
    boolean renew(String holder, Instant until) {
        return jdbc.sql("UPDATE retention_lease SET locked_until = :until WHERE name = :name AND holder = :holder")
                .param("holder", holder).param("until", Timestamp.from(until)).param("name", NIGHTLY).update() == 1;
    }

    void release(String holder) {
        jdbc.sql("UPDATE retention_lease SET locked_until = NULL WHERE name = :name AND holder = :holder")
                .param("holder", holder).param("name", NIGHTLY).update();
    }
}
