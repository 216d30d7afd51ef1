package io.nurture.audience;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.audience.LiveSegments.Live;
import io.nurture.audience.Segment.RebuildState;
import io.nurture.process.ConcurrentChanges;

import jakarta.annotation.PreDestroy;

/**
 * Builds a segment's members from scratch after its rule is saved, in the background: stretch by stretch of
 * contacts (by id), one short transaction each, its progress on the segment row for {@code GET /api/segments/{id}}.
 * A newer edit of the rule stops an older rebuild (the newer one follows). The sweep for time windows runs on the
 * same thread, so it never crosses a rebuild. Rebuilds a node did not finish are taken up again at start.
 */
@Component
class SegmentRebuilds {

    private static final Logger log = LoggerFactory.getLogger(SegmentRebuilds.class);
    private static final int ATTEMPTS = 5;

    private final SegmentStore store;
    private final Membership membership;
    private final TransactionTemplate transaction;
    private final int stretch;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    SegmentRebuilds(SegmentStore store, Membership membership, TransactionTemplate transaction,
            @Value("${nurture.segments.rebuild-stretch:5000}") int stretch) {
        this.store = store;
        this.membership = membership;
        this.transaction = transaction;
        this.stretch = stretch;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Rebuilds the segment once the calling transaction (which saved its rule) has committed. */
    void queue(String segmentId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.execute(() -> rebuild(segmentId));
                }
            });
        } else {
            worker.execute(() -> rebuild(segmentId));
        }
    }

    /** Goes over a segment again for the clock's sake, announcing who entered and left. */
    void sweep(String segmentId) {
        worker.execute(() -> {
            Segment segment = store.find(segmentId).orElse(null);
            if (segment != null && segment.rebuild().state() == RebuildState.DONE) {
                pass(segment, true);
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        store.unfinishedRebuilds().forEach(id -> worker.execute(() -> rebuild(id)));
    }

    private void rebuild(String segmentId) {
        Segment segment = store.find(segmentId).orElse(null);
        if (segment == null || segment.rebuild().state() == RebuildState.DONE) {
            return;
        }
        try {
            pass(segment, false);
        } catch (RuntimeException e) {
            log.error("Rebuilding segment {} failed", segmentId, e);
            transaction.executeWithoutResult(status -> store.progress(segmentId, segment.version(),
                    RebuildState.FAILED, segment.rebuild().done(), segment.rebuild().total()));
        }
    }

    /** One walk over all contacts; false when a newer version of the rule took over. */
    private boolean pass(Segment segment, boolean announce) {
        Live live = new Live(segment.id(), segment.name(), segment.version(), segment.rule());
        long total = membership.contacts();
        if (!announce) {
            transaction.executeWithoutResult(status -> store.progress(segment.id(), segment.version(),
                    RebuildState.RUNNING, 0, total));
        }
        String after = null;
        long done = 0;
        while (true) {
            String from = after;
            Membership.Stretch stretchDone = ConcurrentChanges.retried(transaction, ATTEMPTS,
                    DuplicateKeyException.class::isInstance, status -> {
                        if (store.lock(segment.id()).map(Segment::version).orElse(-1) != segment.version()) {
                            return null;
                        }
                        return membership.rebuild(live, from, stretch, Instant.now(), announce);
                    });
            if (stretchDone == null) {
                return false;
            }
            if (stretchDone.lastId() == null) {
                break;
            }
            after = stretchDone.lastId();
            done += stretchDone.contacts();
            if (!announce) {
                long progress = Math.min(done, total);
                transaction.executeWithoutResult(status -> store.progress(segment.id(), segment.version(),
                        RebuildState.RUNNING, progress, Math.max(total, progress)));
            }
        }
        long checked = done;
        transaction.executeWithoutResult(status -> {
            if (!announce) {
                store.rebuilt(segment.id(), segment.version(), checked);
            }
            membership.recordSize(segment.id(), Instant.now());
        });
        return true;
    }
}
