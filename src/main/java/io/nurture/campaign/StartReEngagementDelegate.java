package io.nurture.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.nurture.process.ProcessVariables;

/**
 * "Start re-engagement" in Modeler: input {@code dormantDays} (else {@code nurture.campaigns.re-engagement.dormant-days},
 * default 90). One {@code re-engagement} instance per dormant contact, never a second one while one runs.
 */
@Component("startReEngagement")
class StartReEngagementDelegate implements JavaDelegate {

    static final String PROCESS_KEY = "re-engagement";
    private static final Logger log = LoggerFactory.getLogger(StartReEngagementDelegate.class);

    private final DormantContacts dormant;
    private final CampaignEnrolment enrolment;
    private final int defaultDays;

    StartReEngagementDelegate(DormantContacts dormant, CampaignEnrolment enrolment,
            @Value("${nurture.campaigns.re-engagement.dormant-days:90}") int defaultDays) {
        this.dormant = dormant;
        this.enrolment = enrolment;
        this.defaultDays = defaultDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object input = execution.getVariableLocal(ProcessVariables.DORMANT_DAYS);
        int days = input == null ? defaultDays : Integer.parseInt(input.toString().trim());
        Instant since = ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(days));
        int started = 0;
        for (String contactId : dormant.since(since)) {
            if (enrolment.enrol(PROCESS_KEY, contactId, Map.of())) {
                started++;
            }
        }
        execution.setVariable(ProcessVariables.RE_ENGAGEMENT_STARTED, started);
        log.info("Re-engagement: {} dormant contact(s) without opens or clicks for {} days enrolled", started, days);
    }
}
