package io.nurture.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.channel.SuppressionReason;
import io.nurture.channel.Suppressions;
import io.nurture.process.ProcessKeys;

/** "Sunset contact" in Modeler: no more marketing on any channel; the contact's other campaigns end as suppressed. */
@Component("sunsetContact")
class SunsetContactDelegate implements JavaDelegate {

    private final Suppressions suppressions;
    private final CampaignMessages messages;

    SunsetContactDelegate(Suppressions suppressions, CampaignMessages messages) {
        this.suppressions = suppressions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaign = ProcessKeys.keyOf(execution);
        suppressions.add(execution.getBusinessKey(), SuppressionReason.SUNSET, "no response to " + campaign);
        messages.suppressed(execution.getBusinessKey(), execution.getProcessInstanceId());
    }
}
