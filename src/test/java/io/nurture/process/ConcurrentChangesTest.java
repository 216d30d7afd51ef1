package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionOperations;

/** A campaign suspended between Nurture's look and the engine's command is retried like any concurrent change. */
class ConcurrentChangesTest {

    @Test
    void aCampaignSuspendedMeanwhileIsRetriedAndTheRetryHoldsTheStart() {
        AtomicInteger attempts = new AtomicInteger();

        String result = ConcurrentChanges.retried(TransactionOperations.withoutTransaction(), 3, failure -> false,
                status -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new SuspendedEntityInteractionException("Process definition welcome is suspended");
                    }
                    return "held";
                });

        assertThat(result).isEqualTo("held");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aSuspensionThatOutlastsTheAttemptsIsBusy() {
        assertThatThrownBy(() -> ConcurrentChanges.retried(TransactionOperations.withoutTransaction(), 2,
                failure -> false, status -> {
                    throw new SuspendedEntityInteractionException("suspended");
                })).isInstanceOf(PessimisticLockingFailureException.class);
    }
}
