package io.nurture.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows pruned a few contacts at a time, as every owner's do: one transaction finds the contacts of the oldest rows,
 * locks those no other transaction holds ({@code lockAvailable}, the contact module's {@code FOR UPDATE SKIP
 * LOCKED}) and lets the owner remove their old rows with what its reports keep. A busy contact waits for a later batch;
 * nobody waits for pruning.
 */
public abstract class PrunableByContact implements PrunableRows {

    private final TransactionTemplate transaction;
    private final Function<Collection<String>, List<String>> lockAvailable;

    protected PrunableByContact(TransactionTemplate transaction,
            Function<Collection<String>, List<String>> lockAvailable) {
        this.transaction = transaction;
        this.lockAvailable = lockAvailable;
    }

    @Override
    public final int pruneBatch(Instant cutoff, int limit) {
        return transaction.execute(status -> {
            Timestamp before = Timestamp.from(cutoff);
            List<String> locked = lockAvailable.apply(contactsOfOldestRows(before, limit));
            return locked.isEmpty() ? 0 : prune(locked, before, limit);
        });
    }

    /** The contacts of the (at most {@code limit}) oldest rows from before {@code cutoff}. */
    protected abstract List<String> contactsOfOldestRows(Timestamp cutoff, int limit);

    /** Removes at most {@code limit} rows of these locked contacts from before {@code cutoff}; how many went. */
    protected abstract int prune(List<String> contacts, Timestamp cutoff, int limit);
}
