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

    Reports(FunnelQuery funnel, VelocityQuery velocity, CampaignQuery campaigns, NurtureQuery nurture,
            ContactTimelineQuery contacts) {
        this.funnel = funnel;
        this.velocity = velocity;
        this.campaigns = campaigns;
        this.nurture = nurture;
        this.contacts = contacts;
    }

    FunnelReport funnel(ReportPeriod period) {
        return funnel.report(period);
    }

    VelocityReport velocity(ReportPeriod period) {
        return velocity.report(period);
    }

    CampaignReport campaigns(ReportPeriod period) {
        return campaigns.report(period);
    }

    NurtureReport nurture(ReportPeriod period) {
        return nurture.report(period);
    }

    ContactSearch search(String query, String stage) {
        return contacts.search(query, stage);
    }

    ContactTimeline timeline(String contactId) {
        return contacts.timeline(contactId);
    }
}
