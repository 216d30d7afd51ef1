package io.nurture.imports;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * One background thread per node runs the imports, one after the other, off the request threads: event ingestion
 * keeps its threads and waits at most for one chunk's transaction on a contact both touch. Imports left by a stopped
 * node (its lease ran out) are taken up again by the periodic scan.
 */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final int MAX_FAILURE_LENGTH = 1_000;

    private final ImportRun run;
    private final ImportStore store;
    private final ImportProperties limits;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread worker = new Thread(task, "contact-import");
        worker.setDaemon(true);
        return worker;
    });
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    ImportWorker(ImportRun run, ImportStore store, ImportProperties limits) {
        this.run = run;
        this.store = store;
        this.limits = limits;
    }

    void submit(String importId) {
        if (waiting.add(importId)) {
            thread.execute(() -> runClaimed(importId));
        }
    }

    @Scheduled(initialDelayString = "${nurture.imports.resume-delay:5s}",
            fixedDelayString = "${nurture.imports.resume-scan:30s}")
    void takeUpUnclaimed() {
        store.unclaimed(Instant.now()).forEach(this::submit);
    }

    private void runClaimed(String importId) {
        try {
            Instant now = run.now();
            if (!store.claim(importId, now, now.plus(limits.lease()))) {
                return; // done meanwhile, or another node runs it
            }
            run.run(importId);
        } catch (RuntimeException e) {
            log.warn("Import {} failed", importId, e);
            String message = String.valueOf(e.getMessage());
            store.finish(importId, ImportStatus.FAILED, message.length() > MAX_FAILURE_LENGTH
                    ? message.substring(0, MAX_FAILURE_LENGTH) : message, Instant.now());
            store.deleteParts(importId);
        } finally {
            waiting.remove(importId);
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow(); // the running chunk rolls back; the next start goes on from the last one stored
    }
}
