package io.nurture.reporting;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.reporting.SplitQuery.BranchResult;

/** The reports, each read in one read-only transaction so its numbers agree with each other. */
@Service
@Transactional(readOnly = true)
class Reports {

    private final FunnelQuery funnel;
    private final VelocityQuery velocity;
    private final CampaignQuery campaigns;
    private final SplitQuery splits;
    private final NurtureQuery nurture;
    private final ContactTimelineQuery contacts;
    private final EventQuery events;
    private final ReportQueryTuning tuning;

    Reports(FunnelQuery funnel, VelocityQuery velocity, CampaignQuery campaigns, SplitQuery splits,
            NurtureQuery nurture, ContactTimelineQuery contacts, EventQuery events, ReportQueryTuning tuning) {
        this.funnel = funnel;
        this.velocity = velocity;
        this.campaigns = campaigns;
        this.splits = splits;
        this.nurture = nurture;
        this.contacts = contacts;
        this.events = events;
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

    List<BranchResult> splits(String campaign) {
        tuning.apply();
        return splits.results(campaign);
    }

    NurtureReport nurture(ReportPeriod period) {
        tuning.apply();
        return nurture.report(period);
    }

    EventReport events(ReportPeriod period) {
        tuning.apply();
        return events.report(period);
    }

    ContactSearch search(String query, String stage) {
        return contacts.search(query, stage);
    }

    ContactTimeline timeline(String contactId) {
        return contacts.timeline(contactId);
    }
}
