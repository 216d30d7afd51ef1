package io.nurture.campaign;

import java.time.ZoneOffset;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.nurture.process.ProcessVariables;

/** "Fire date triggers" in Modeler: starts {@code date-triggered} for birthdays, renewals and expiries due today. */
@Component("fireDateTriggers")
class FireDateTriggersDelegate implements JavaDelegate {

    private final DateTriggers triggers;

    FireDateTriggersDelegate(DateTriggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int started = triggers.fire(ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate());
        execution.setVariable(ProcessVariables.DATE_TRIGGERS_STARTED, started);
    }
}
