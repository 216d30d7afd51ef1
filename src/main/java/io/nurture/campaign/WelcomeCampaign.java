package io.nurture.campaign;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.lifecycle.LifecycleStage;
import io.nurture.lifecycle.StageChanged;

/**
 * Enrols every new lead in {@code welcome} and a recycled lead (LEAD again) in {@code drip}; a contact that reaches
 * MQL or later leaves its nurture campaigns by their goal exit.
 */
@Component
class WelcomeCampaign {

    static final String PROCESS_KEY = "welcome";
    static final String RECYCLED_PROCESS_KEY = "drip";

    private final CampaignEnrolment enrolment;
    private final CampaignMessages messages;

    WelcomeCampaign(CampaignEnrolment enrolment, CampaignMessages messages) {
        this.enrolment = enrolment;
        this.messages = messages;
    }

    @EventListener
    void onStageChanged(StageChanged change) {
        if (change.to() == LifecycleStage.LEAD) {
            enrolment.enrol(change.isFirstEntry() ? PROCESS_KEY : RECYCLED_PROCESS_KEY, change.contactId(), Map.of());
        } else if (change.to().isAtLeast(LifecycleStage.MQL)) {
            messages.send(CampaignMessages.QUALIFIED, change.contactId(), Map.of());
        }
    }
}
