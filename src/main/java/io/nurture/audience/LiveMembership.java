package io.nurture.audience;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.nurture.audience.LiveSegments.Live;
import io.nurture.contact.ContactChanged;
import io.nurture.contact.ContactErased;
import io.nurture.contact.ContactsMerged;
import io.nurture.event.ContactEventRecorded;
import io.nurture.process.ContactProcessChanged;

/**
 * Keeps every segment current for a contact inside the transaction that changed it: its row (profile, consent,
 * stage, scores, status), an event, a campaign start or end. One transaction may change a contact several times (an
 * event scores it, moves its stage and starts a campaign); it is noted each time and checked once, against every
 * segment in one query, right before the transaction commits, when all of it is written (a transaction that changed
 * many, an import's chunk, checks them a slice at a time). Outside a transaction it is checked at once.
 */
@Component
class LiveMembership {

    private static final int MAX_ROUNDS = 5;

    private final LiveSegments segments;
    private final Membership membership;

    LiveMembership(LiveSegments segments, Membership membership) {
        this.segments = segments;
        this.membership = membership;
    }

    @EventListener
    void on(ContactChanged changed) {
        note(changed.contactId());
    }

    @EventListener
    void on(ContactEventRecorded recorded) {
        note(recorded.contactId());
    }

    @EventListener
    void on(ContactProcessChanged changed) {
        note(changed.contactId());
    }

    @EventListener
    void on(ContactsMerged merged) {
        membership.handOver(merged.mergedId(), merged.survivorId(), Instant.now());
        note(merged.survivorId());
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("segmentStays", membership.forget(erased.contactIds()));
    }

    private void note(String contactId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            check(Set.of(contactId));
            return;
        }
        // looked up among the synchronizations, which a nested (REQUIRES_NEW) transaction suspends with it
        Noted noted = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Noted.class::isInstance).map(Noted.class::cast).findFirst().orElseGet(() -> {
                    Noted fresh = new Noted();
                    TransactionSynchronizationManager.registerSynchronization(fresh);
                    return fresh;
                });
        noted.contactIds.add(contactId);
    }

    private void check(Set<String> contactIds) {
        List<Live> live = segments.current();
        if (live.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        membership.evaluate(contactIds, live, now);
    }

    /** The contacts this transaction changed, checked before it commits. */
    private final class Noted implements TransactionSynchronization {

        final Set<String> contactIds = new LinkedHashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            // a check may note more (a listener of SegmentEntered changing the contact): a few rounds at most
            for (int round = 0; round < MAX_ROUNDS && !contactIds.isEmpty(); round++) {
                Set<String> batch = new LinkedHashSet<>(contactIds);
                contactIds.clear();
                check(batch);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
