package io.nurture.durability;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.Database;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * H2 rewrites the mostly-dead chunks of its file, so their space is used again, in the background writer that
 * {@code WRITE_DELAY=0} switches off (h2database/h2database#442): without it the file grows with every commit (2 GB
 * after the ingestion benchmark, not compacted on close). So on an embedded H2 file without write delay Nurture does
 * that housekeeping itself, once a second; the file then holds what H2 keeps for its 45 s chunk retention, which
 * depends on the rate of writes, not on how many there were.
 */
@Component
class H2FileHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2FileHousekeeping.class);
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private volatile ScheduledExecutorService housekeeper;

    H2FileHousekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        if (!needed()) {
            return;
        }
        housekeeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-file-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeper.scheduleWithFixedDelay(this::compact, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets a running pass finish: an interrupt inside H2's file I/O would close the file under the database. */
    @Override
    public void stop() {
        ScheduledExecutorService running = housekeeper;
        housekeeper = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return housekeeper != null;
    }

    /** What H2's background writer does between writes: rewrite the sparsest chunks, up to one write buffer. */
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            Database database = H2Files.database(connection);
            MVStore store = database.getStore().getMvStore();
            if (store.compact(database.getSettings().autoCompactFillRate, store.getAutoCommitMemory())) {
                store.commit();
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("H2 housekeeping skipped: {}", e.toString()); // the database is closing; the next run retries
        }
    }

    private boolean needed() {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName())
                    && H2Files.isEmbeddedFile(connection.getMetaData().getURL())
                    && H2Files.writesEveryCommit(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the H2 settings: " + e.getMessage(), e);
        }
    }
}
