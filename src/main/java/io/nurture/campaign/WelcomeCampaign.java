package io.nurture.campaign;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.StageChanged;
import io.nurture.lifecycle.StageRole;

/**
 * Enrols every new lead in {@code welcome} and a recycled lead (LEAD again) in {@code drip}; a contact that reaches
 * the qualified stage (MQL) or later leaves its nurture campaigns by their goal exit. An entry that starts no campaigns
 * (an import without the welcome series) enrols nobody.
 */
@Component
class WelcomeCampaign {

    static final String PROCESS_KEY = "welcome";
    static final String RECYCLED_PROCESS_KEY = "drip";

    private final CampaignEnrolment enrolment;
    private final CampaignMessages messages;
    private final Funnel funnel;

    WelcomeCampaign(CampaignEnrolment enrolment, CampaignMessages messages, Funnel funnel) {
        this.enrolment = enrolment;
        this.messages = messages;
        this.funnel = funnel;
    }

    @EventListener
    void onStageChanged(StageChanged change) {
        if (!change.startsCampaigns()) {
            return;
        }
        if (funnel.plays(change.to(), StageRole.KNOWN)) {
            if (change.isNewContact()) {
                enrolment.enrolNew(PROCESS_KEY, change.contactId());
            } else {
                enrolment.enrol(change.isFirstEntry() ? PROCESS_KEY : RECYCLED_PROCESS_KEY, change.contactId(),
                        Map.of());
            }
        } else if (funnel.isAtLeast(change.to(), funnel.require(StageRole.QUALIFIED))) {
            messages.send(CampaignMessages.QUALIFIED, change.contactId(), Map.of());
        }
    }
}
