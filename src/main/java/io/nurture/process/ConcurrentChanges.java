package io.nurture.process;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Conflicts with a concurrent transaction (a campaign job moving the same process instance) that a retry of the whole
 * transaction resolves. The engine wraps a database deadlock in its own persistence exception, so the SQL state
 * (class 40: serialization failure, deadlock) is looked for down the cause chain.
 */
public final class ConcurrentChanges {

    private static final int MAX_CAUSES = 20;

    private ConcurrentChanges() {
    }

    public static boolean isConflict(Throwable failure) {
        if (failure instanceof OptimisticLockingException || failure instanceof PessimisticLockingFailureException) {
            return true;
        }
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
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
