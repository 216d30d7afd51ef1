package io.nurture.reporting;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.nurture.contact.ContactsMerged;
import io.nurture.lifecycle.MoveFacts;

/**
 * Works out the report facts from scratch: each move's next move and the contact's previous entry into the same
 * stage (lifecycle's {@link MoveFacts}), and each send's first reactions and the contact's first entry into the
 * qualified stage after it ({@link DeliveryFacts}). As things happen the facts are written one by one; this fills
 * them in for rows that came another way: two contacts merged, or rows loaded straight into the tables.
 */
@Component
public class ReportFacts {

    private final MoveFacts moves;
    private final DeliveryFacts sends;

    ReportFacts(MoveFacts moves, DeliveryFacts sends) {
        this.moves = moves;
        this.sends = sends;
    }

    /** All facts from scratch, e.g. after loading rows into the tables by SQL. */
    public void fillAll() {
        moves.fillMoveFacts();
        sends.fillAll();
    }

    /**
     * One contact's send facts (lifecycle's listener does the moves'): its deliveries and ledger were just combined
     * with another contact's. Before the merge commits, so every module has moved its rows by then.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ContactsMerged merged) {
        sends.fillFor(merged.survivorId());
    }
}
