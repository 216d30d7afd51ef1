package io.nurture.handoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.campaign.CampaignMessages;
import io.nurture.contact.ContactRepository;
import io.nurture.process.ProcessVariables;

/** "Disqualify contact" in Modeler: flags the contact and ends its running campaigns; none reaches it again. */
@Component("disqualifyContact")
class DisqualifyContactDelegate implements JavaDelegate {

    private final ContactRepository contacts;
    private final CampaignMessages campaigns;

    DisqualifyContactDelegate(ContactRepository contacts, CampaignMessages campaigns) {
        this.contacts = contacts;
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = (String) execution.getVariableLocal(ProcessVariables.REASON);
        contacts.markDisqualified(execution.getBusinessKey(), reason);
        campaigns.suppressed(execution.getBusinessKey(), execution.getProcessInstanceId());
    }
}
