package io.nurture.reporting;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reports, each read in one read-only transaction so its numbers agree with each other. */
@Service
@Transactional(readOnly = true)
class Reports {

    private final FunnelQuery funnel;
    private final VelocityQuery velocity;
    private final CampaignQuery campaigns;
    private final NurtureQuery nurture;
    private final ContactTimelineQuery contacts;
    private final ReportQueryTuning tuning;

    Reports(FunnelQuery funnel, VelocityQuery velocity, CampaignQuery campaigns, NurtureQuery nurture,
            ContactTimelineQuery contacts, ReportQueryTuning tuning) {
        this.funnel = funnel;
        this.velocity = velocity;
        this.campaigns = campaigns;
        this.nurture = nurture;
        this.contacts = contacts;
        this.tuning = tuning;
    }

    FunnelReport funnel(ReportPeriod period) {
        tuning.apply();
        return funnel.report(period);
    }

    VelocityReport velocity(ReportPeriod period) {
        tuning.apply();
        return velocity.report(period);
    }

    CampaignReport campaigns(ReportPeriod period) {
        tuning.apply();
        return campaigns.report(period);
    }

    NurtureReport nurture(ReportPeriod period) {
        tuning.apply();
        return nurture.report(period);
    }

    ContactSearch search(String query, String stage) {
        return contacts.search(query, stage);
    }

    ContactTimeline timeline(String contactId) {
        return contacts.timeline(contactId);
    }
}
