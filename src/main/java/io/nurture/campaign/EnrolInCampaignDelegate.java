package io.nurture.campaign;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.process.ProcessVariables;

/** "Enrol in campaign" in Modeler: input {@code campaign} (a process key); no-op if the contact is already in it. */
@Component("enrolInCampaign")
class EnrolInCampaignDelegate implements JavaDelegate {

    private final CampaignEnrolment enrolment;

    EnrolInCampaignDelegate(CampaignEnrolment enrolment) {
        this.enrolment = enrolment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaign = (String) execution.getVariableLocal(ProcessVariables.CAMPAIGN);
        enrolment.enrol(campaign, execution.getBusinessKey(), Map.of());
    }
}
