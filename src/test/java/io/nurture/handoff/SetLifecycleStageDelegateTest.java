package io.nurture.handoff;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import io.nurture.contact.LifecycleStage;
import io.nurture.lifecycle.LifecycleService;
import io.nurture.lifecycle.TestFunnels;
import io.nurture.lifecycle.UnknownStageException;

/** A stage typed into the diagram that the configuration does not know fails the step instead of moving anyone. */
class SetLifecycleStageDelegateTest {

    private final LifecycleService lifecycle = mock(LifecycleService.class);
    private final SetLifecycleStageDelegate delegate = new SetLifecycleStageDelegate(lifecycle,
            TestFunnels.defaults());

    @Test
    void movesTheContactToAConfiguredStageInAnyCase() {
        delegate.execute(execution("sql"));

        verify(lifecycle).moveTo("contact-1", LifecycleStage.SQL, "Qualified by SDR", "sdr-ann");
    }

    @Test
    void anUnknownStageFailsTheStepWithTheConfiguredStages() {
        assertThatThrownBy(() -> delegate.execute(execution("PQL"))).isInstanceOf(UnknownStageException.class)
                .hasMessage("Unknown stage 'PQL'; the configured stages (nurture.lifecycle.stages) are [VISITOR,"
                        + " LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER, EVANGELIST]");
        assertThatThrownBy(() -> delegate.execute(execution(null))).isInstanceOf(UnknownStageException.class);
        verify(lifecycle, never()).moveTo(anyString(), any(), any(), any());
    }

    private static DelegateExecution execution(String stage) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getBusinessKey()).thenReturn("contact-1");
        when(execution.getVariableLocal("stage")).thenReturn(stage);
        when(execution.getVariableLocal("reason")).thenReturn("Qualified by SDR");
        when(execution.getVariable("lastActor")).thenReturn("sdr-ann");
        return execution;
    }
}
