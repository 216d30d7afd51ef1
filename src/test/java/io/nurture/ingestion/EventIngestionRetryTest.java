package io.nurture.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nurture.contact.ContactProfile;
import io.nurture.contact.LifecycleStage;
import io.nurture.event.EventType;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;

/**
 * A campaign job that moves the contact's process instance while an event correlates to it (optimistic locking), or a
 * lock cycle the database breaks, must not fail the API call: the whole event transaction is retried.
 */
class EventIngestionRetryTest {

    private final TransactionTemplate transaction = mock(TransactionTemplate.class);
    private final EventIngestionService ingestion = new EventIngestionService(transaction, null, null, null, null,
            null, null, null, List.of(), new IngestionMetrics(new SimpleMeterRegistry(), List.of()));
    private final IncomingEvent event = new IncomingEvent(null, EventType.EMAIL_CLICKED, "ada@example.com", null, null,
            Instant.now(), ContactProfile.EMPTY, Map.of());

    @Test
    @SuppressWarnings("unchecked")
    void aBusyProcessInstanceOrALockConflictIsRetriedUntilTheEventIsStored() {
        IngestionResult stored = new IngestionResult("c-1", LifecycleStage.LEAD, 13, false);
        when(transaction.execute(any(TransactionCallback.class)))
                .thenThrow(new OptimisticLockingException("instance changed by a job"))
                .thenThrow(new CannotAcquireLockException("deadlock detected"))
                .thenThrow(new OptimisticLockingException("again"))
                .thenReturn(stored);

        assertThat(ingestion.ingest(event, "marketer")).isEqualTo(stored);
        verify(transaction, times(4)).execute(any(TransactionCallback.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConflictThatNeverEndsIsReportedAfterTheLastAttempt() {
        when(transaction.execute(any(TransactionCallback.class)))
                .thenThrow(new OptimisticLockingException("always busy"));

        assertThatThrownBy(() -> ingestion.ingest(event, "marketer")).isInstanceOf(OptimisticLockingException.class);
        verify(transaction, times(8)).execute(any(TransactionCallback.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeadlockTheEngineWrapsIsRetriedAndEndsAsABusyConflict() {
        when(transaction.execute(any(TransactionCallback.class))).thenThrow(engineWrappedDeadlock());

        assertThatThrownBy(() -> ingestion.ingest(event, "marketer"))
                .isInstanceOf(PessimisticLockingFailureException.class)
                .hasRootCauseInstanceOf(SQLException.class);
        verify(transaction, times(8)).execute(any(TransactionCallback.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anyOtherFailureIsNotRetried() {
        when(transaction.execute(any(TransactionCallback.class)))
                .thenThrow(new ProcessEnginePersistenceException("broken", new SQLException("no such table", "42P01")));

        assertThatThrownBy(() -> ingestion.ingest(event, "marketer"))
                .isInstanceOf(ProcessEnginePersistenceException.class);
        verify(transaction, times(1)).execute(any(TransactionCallback.class));
    }

    private static ProcessEnginePersistenceException engineWrappedDeadlock() {
        return new ProcessEnginePersistenceException("persistence layer",
                new ProcessEngineException("flush", new SQLException("ERROR: deadlock detected", "40P01")));
    }
}
