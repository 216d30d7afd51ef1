package io.nurture.process;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Conflicts with a concurrent transaction (a campaign job moving the same process instance) that a retry of the whole
 * transaction resolves. The engine wraps a database deadlock in its own persistence exception, so the SQL state
 * (class 40: serialization failure, deadlock) is looked for down the cause chain. A campaign suspended between
 * Nurture's look at it and the engine's command is a conflict too: the retry sees it suspended and holds the start
 * or message.
 */
public final class ConcurrentChanges {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentChanges.class);
    private static final int MAX_CAUSES = 20;
    /**
     * H2's answer to a row another open transaction has written, e.g. a contact with the same e-mail that an import's
     * chunk inserted: PostgreSQL waits for that transaction instead and then reports the unique key.
     */
    private static final String H2_CONCURRENT_UPDATE = "90131";

    private ConcurrentChanges() {
    }

    /**
     * Runs {@code work} in the transaction; a conflict, or a failure {@code retryAlso} accepts, rolls it back and it
     * runs again after a short random pause, {@code attempts} times at most. A conflict that outlasts them is thrown
     * {@link #asBusy}, any other failure as it is.
     */
    public static <T> T retried(TransactionOperations transaction, int attempts,
            Predicate<RuntimeException> retryAlso, TransactionCallback<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.execute(work);
            } catch (RuntimeException failure) {
                boolean conflict = isConflict(failure);
                if (!conflict && !retryAlso.test(failure)) {
                    throw failure;
                }
                if (attempt == attempts) {
                    throw conflict ? asBusy(failure) : failure;
                }
                pause(attempt);
                log.debug("Retrying after a concurrent change: {}", failure.getMessage());
            }
        }
    }

    /** {@link #retried} for work without a result, retrying conflicts only. */
    public static void retried(TransactionOperations transaction, int attempts, Consumer<TransactionStatus> work) {
        retried(transaction, attempts, failure -> false, status -> {
            work.accept(status);
            return null;
        });
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying after a concurrent change", e);
        }
    }

    public static boolean isConflict(Throwable failure) {
        if (failure instanceof OptimisticLockingException || failure instanceof PessimisticLockingFailureException
                || failure instanceof SuspendedEntityInteractionException) {
            return true;
        }
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals(H2_CONCURRENT_UPDATE))) {
                return true;
            }
        }
        return false;
    }

    /** The conflict as the API reports it once retries are used up: a 503 "Busy" problem (see ProblemHandler). */
    public static RuntimeException asBusy(RuntimeException conflict) {
        return conflict instanceof OptimisticLockingException || conflict instanceof PessimisticLockingFailureException
                ? conflict
                : new PessimisticLockingFailureException("Concurrent change: " + conflict.getMessage(), conflict);
    }
}
